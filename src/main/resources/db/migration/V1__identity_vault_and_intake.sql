-- Confidential identity of each case, apart from the engine's tables, encrypted (AES-256-GCM).
create table nrm_identity (
  case_id       varchar(64)   not null primary key,
  key_id        varchar(64)   not null,
  nonce         varchar(32)   not null,
  ciphertext    varchar(8000) not null,
  stored_by     varchar(255)  not null,
  stored_at     timestamp     not null
);

-- Every read of an identity: who, when, for what (task or purpose).
create table nrm_identity_access (
  id            varchar(36)   not null primary key,
  case_id       varchar(64)   not null,
  user_id       varchar(255)  not null,
  purpose       varchar(255)  not null,
  accessed_at   timestamp     not null
);
create index nrm_identity_access_case on nrm_identity_access (case_id);

-- Case numbers <jurisdiction>-<year>-<6-digit sequence>, one sequence per jurisdiction and year.
create table nrm_case_sequence (
  jurisdiction  varchar(2)    not null,
  case_year     integer       not null,
  last_value    integer       not null,
  primary key (jurisdiction, case_year)
);

-- Intake requests by Idempotency-Key: a retried request returns the first case.
create table nrm_intake_request (
  idempotency_key varchar(255) not null primary key,
  request_hash    varchar(64)  not null,
  case_id         varchar(64)  not null,
  process_instance_id varchar(64),
  created_by      varchar(255) not null,
  created_at      timestamp    not null
);
