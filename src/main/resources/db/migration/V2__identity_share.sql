-- Every hand-over of an identity to another jurisdiction's mechanism: to which case, for which of
-- its institutions, which fields, by whom and when (principle 11: every share is recorded).
create table nrm_identity_share (
  id                   varchar(36)   not null primary key,
  case_id              varchar(64)   not null,
  shared_with          varchar(2)    not null,
  receiving_case_id    varchar(64),
  institutions         varchar(512)  not null,
  fields               varchar(512)  not null,
  shared_by            varchar(255)  not null,
  shared_at            timestamp     not null
);
create index nrm_identity_share_case on nrm_identity_share (case_id);
