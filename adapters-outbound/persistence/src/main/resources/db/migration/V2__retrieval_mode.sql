-- The retrieval mode a knowledge base's queries use by default (DENSE, BM25 or HYBRID).
alter table knowledge_base add column retrieval_mode varchar(16) default 'DENSE' not null;
