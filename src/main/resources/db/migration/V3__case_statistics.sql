-- The statistics store: one de-identified record per case, apart from the engine, written in the
-- transaction of each event that changes it. Codes and dates only: the age group and never the
-- age, the first-level subdivision of detection (ISO 3166-2) and never coordinates, an address or
-- free text, no identity. process_instance_id ties the record to its case inside the product (to
-- update it); no answer or export shows it.
create table nrm_stat_case (
  process_instance_id     varchar(64)  not null primary key,
  jurisdiction            varchar(2)   not null,
  detected_on             date         not null,
  detection_channel       varchar(24)  not null,
  detection_region        varchar(8)   not null,
  sex                     varchar(16)  not null,
  age_group               varchar(8)   not null,
  victim_group            varchar(8)   not null,
  nationality             varchar(9)   not null,
  indigenous              boolean      not null,
  migration_status        varchar(16)  not null,
  classification          varchar(32),
  treated_as_child        boolean,
  risk_level              varchar(8),
  iccs_code               varchar(5),
  identification          varchar(16)  not null,
  identified_on           date,
  complaint_filed         boolean      not null,
  protection_measures     boolean      not null,
  regularisation          varchar(24),
  durable_solution        varchar(24),
  closed_on               date,
  case_outcome            varchar(32),
  updated_at              timestamp    not null
);
create index nrm_stat_case_jurisdiction_detected on nrm_stat_case (jurisdiction, detected_on);

-- A case with several forms of exploitation counts once under each.
create table nrm_stat_case_purpose (
  process_instance_id     varchar(64)  not null,
  purpose                 varchar(24)  not null,
  primary key (process_instance_id, purpose),
  constraint nrm_stat_case_purpose_case foreign key (process_instance_id) references nrm_stat_case (process_instance_id)
    on delete cascade
);
