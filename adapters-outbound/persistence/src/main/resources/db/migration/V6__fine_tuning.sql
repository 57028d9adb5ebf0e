-- Fine-tuning jobs with their events and kept checkpoints, and uploaded training files. Same portable
-- SQL as V1-V5 (runs unchanged on H2 2.x and PostgreSQL 15, in the default schema and in every tenant
-- schema), plus bytea: on H2 an alias of varbinary (not a BLOB), so byte[] fields validate on both.

-- One row per job, rewritten whole on every save. The lora_* columns are null for full fine-tuning;
-- the metric columns are all null while the job has no metrics (metric_total_parameters decides).
-- loss_curve: the loss values as 8-byte IEEE 754 doubles, big-endian, so every value is kept exactly.
create table fine_tune_job (
    id                       varchar(200)     not null,
    name                     varchar(200)     not null,
    base_model               varchar(500)     not null,
    method                   varchar(16)      not null,
    lora_rank                integer,
    lora_alpha               double precision,
    lora_dropout             double precision,
    lora_targets             varchar(10000),
    epochs                   integer          not null,
    max_steps                integer          not null,
    batch_size               integer          not null,
    sequence_length          integer          not null,
    learning_rate            double precision not null,
    seed                     bigint           not null,
    source                   varchar(1000)    not null,
    validation_source        varchar(1000),
    example_count            integer          not null,
    validation_example_count integer          not null,
    status                   varchar(20)      not null,
    progress_done            bigint           not null,
    progress_total           bigint           not null,
    progress_unit            varchar(200),
    progress_rate            double precision not null,
    progress_eta             varchar(64),
    metric_total_parameters  bigint,
    metric_trainable_parameters bigint,
    metric_tokens_per_second double precision,
    metric_loss_curve        bytea,
    metric_peak_heap_bytes   bigint,
    metric_peak_native_bytes bigint,
    metric_artifact_bytes    bigint,
    metric_trained_tokens    bigint,
    error                    varchar(100000),
    created_at               timestamp with time zone not null,
    finished_at              timestamp with time zone,
    resumes                  integer          not null,
    constraint pk_fine_tune_job primary key (id)
);

create index ix_fine_tune_job_created on fine_tune_job (created_at);

-- seq is the job's own (1, 2, 3, ...). The step_* columns are null for an event without metrics
-- (step decides). HibernateFineTuneJobRepository keeps the newest 10,000 seqs per job.
create table fine_tune_event (
    job_id                 varchar(200)     not null,
    seq                    bigint           not null,
    created_at             timestamp with time zone not null,
    level                  varchar(8)       not null,
    message                varchar(10000)   not null,
    step                   integer,
    step_total             integer,
    step_train_loss        double precision,
    step_validation_loss   double precision,
    step_tokens_per_second double precision,
    step_eta_seconds       bigint,
    constraint pk_fine_tune_event primary key (job_id, seq),
    constraint fk_fine_tune_event_job foreign key (job_id)
        references fine_tune_job (id) on delete cascade
);

create table fine_tune_checkpoint (
    job_id          varchar(200)     not null,
    checkpoint_id   varchar(200)     not null,
    step            integer          not null,
    train_loss      double precision not null,
    validation_loss double precision,
    created_at      timestamp with time zone not null,
    constraint pk_fine_tune_checkpoint primary key (job_id, checkpoint_id),
    constraint fk_fine_tune_checkpoint_job foreign key (job_id)
        references fine_tune_job (id) on delete cascade
);

-- No foreign key from jobs to files: a job keeps its record after its file is deleted.
create table training_file (
    id            varchar(200)  not null,
    filename      varchar(1000) not null,
    purpose       varchar(32)   not null,
    size_bytes    bigint        not null,
    example_count integer       not null,
    created_at    timestamp with time zone not null,
    constraint pk_training_file primary key (id)
);

create index ix_training_file_created on training_file (created_at);

-- The content apart from the record, so listing files never reads it.
create table training_file_content (
    file_id varchar(200) not null,
    content bytea        not null,
    constraint pk_training_file_content primary key (file_id),
    constraint fk_training_file_content_file foreign key (file_id)
        references training_file (id) on delete cascade
);
