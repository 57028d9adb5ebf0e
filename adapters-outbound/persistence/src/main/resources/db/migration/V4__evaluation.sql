-- Evaluation sets, evaluation runs and their per-question results; the ingest time of a knowledge base.
-- Same portable SQL as V1-V3 (runs unchanged on H2 2.x and PostgreSQL 15), plus double precision
-- and boolean. Lists inside a row (answers, gold document ids, retrieved ids, contenders, contender
-- results) are length-prefixed text (TextList in the adapter), so nothing needs escaping.

alter table knowledge_base add column ingest_millis bigint default 0 not null;

create table evaluation_set (
    name           varchar(63)    not null,
    description    varchar(10000) not null,
    question_count integer        not null,
    created_at     timestamp with time zone not null,
    constraint pk_evaluation_set primary key (name)
);

-- question_index is the position in the upload, from 0.
create table evaluation_question (
    set_name       varchar(63)     not null,
    question_index integer         not null,
    question       varchar(10000)  not null,
    answers        varchar(100000) not null,
    document_ids   varchar(10000)  not null,
    constraint pk_evaluation_question primary key (set_name, question_index),
    constraint fk_evaluation_question_set foreign key (set_name)
        references evaluation_set (name) on delete cascade
);

-- One row per run, rewritten whole on every save. No foreign key to evaluation_set: a run keeps its
-- results after its set is deleted.
create table evaluation_run (
    id             varchar(200)     not null,
    evaluation_set varchar(63)      not null,
    control_set    varchar(63),
    contenders     varchar(20000)   not null,
    top_k          integer          not null,
    max_tokens     integer          not null,
    status         varchar(16)      not null,
    progress_done  bigint           not null,
    progress_total bigint           not null,
    progress_unit  varchar(200),
    progress_rate  double precision not null,
    progress_eta   varchar(64),
    results        varchar(1000000) not null,
    error          varchar(100000),
    created_at     timestamp with time zone not null,
    finished_at    timestamp with time zone,
    constraint pk_evaluation_run primary key (id)
);

create index ix_evaluation_run_created on evaluation_run (created_at);

-- sequence: insertion order (a replaced result keeps its row and its sequence).
create sequence evaluation_result_seq start with 1 increment by 50;

create table evaluation_result (
    sequence        bigint           not null,
    run_id          varchar(200)     not null,
    result_set      varchar(16)      not null,
    question_index  integer          not null,
    contender       varchar(300)     not null,
    question        varchar(10000)   not null,
    answer          varchar(1000000) not null,
    exact_match     double precision not null,
    f1              double precision not null,
    answer_contains boolean          not null,
    retrieved       varchar(100000)  not null,
    recall_at_k     double precision,
    reciprocal_rank double precision,
    cited_gold      boolean,
    latency_ms      double precision not null,
    tokens_in       integer          not null,
    tokens_out      integer          not null,
    error           varchar(100000),
    constraint pk_evaluation_result primary key (sequence),
    constraint uq_evaluation_result unique (run_id, result_set, question_index, contender),
    constraint fk_evaluation_result_run foreign key (run_id)
        references evaluation_run (id) on delete cascade
);
