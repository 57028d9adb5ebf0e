-- Changes the records hold but the vector index may not hold durably yet (written in the same
-- transaction as the change, deleted once the index has committed it). Rows left after a crash tell
-- the start-up repair which documents to re-derive. document_id null: a whole knowledge base was deleted.
-- No foreign keys: the row must outlive the knowledge base or document it names.
create sequence pending_index_write_seq start with 1 increment by 50;

create table pending_index_write (
    sequence       bigint       not null,
    knowledge_base varchar(63)  not null,
    document_id    varchar(200),
    constraint pk_pending_index_write primary key (sequence)
);
