-- Knowledge bases, their documents, document metadata and chunk text.
-- Plain SQL that runs unchanged on H2 2.x and PostgreSQL 15: varchar (never text/CLOB), integer,
-- bigint, timestamp with time zone. Chunks carry their document's title and metadata, so both are
-- stored once per document. Child rows go with their parent (on delete cascade).

create table knowledge_base (
    name                       varchar(63)   not null,
    description                varchar(10000) not null,
    embedding_model_id         varchar(200)  not null,
    embedding_dimension        integer       not null,
    embedding_max_input_tokens integer       not null,
    chunk_size_tokens          integer       not null,
    chunk_overlap_tokens       integer       not null,
    revision                   bigint        not null,
    created_at                 timestamp with time zone not null,
    constraint pk_knowledge_base primary key (name)
);

create table document (
    knowledge_base varchar(63)  not null,
    id             varchar(200) not null,
    title          varchar(2000) not null,
    media_type     varchar(255),
    content_hash   varchar(128) not null,
    chunk_count    integer      not null,
    token_count    bigint       not null,
    ingested_at    timestamp with time zone not null,
    constraint pk_document primary key (knowledge_base, id),
    constraint fk_document_knowledge_base foreign key (knowledge_base)
        references knowledge_base (name) on delete cascade
);

create table document_metadata (
    knowledge_base varchar(63)   not null,
    document_id    varchar(200)  not null,
    meta_key       varchar(255)  not null,
    meta_value     varchar(10000) not null,
    constraint pk_document_metadata primary key (knowledge_base, document_id, meta_key),
    constraint fk_document_metadata_document foreign key (knowledge_base, document_id)
        references document (knowledge_base, id) on delete cascade
);

create table chunk (
    knowledge_base varchar(63)     not null,
    document_id    varchar(200)    not null,
    chunk_index    integer         not null,
    content        varchar(1000000) not null,
    token_count    integer         not null,
    constraint pk_chunk primary key (knowledge_base, document_id, chunk_index),
    constraint fk_chunk_document foreign key (knowledge_base, document_id)
        references document (knowledge_base, id) on delete cascade
);
