-- The directory of service providers (OAS plan §§99, 110): per jurisdiction, public or NGO, kept by
-- the jurisdiction's coordination. The provider as edited is one JSON document; what the directory
-- is searched by is a column or a row of its own. Every change is kept, with who made it and why.
create table nrm_provider (
  provider_id    varchar(36)   not null primary key,
  jurisdiction   varchar(2)    not null,
  name           varchar(200)  not null,
  institution    varchar(32)   not null,
  active         boolean       not null,
  version        integer       not null,
  document       text          not null,
  updated_at     timestamp     not null,
  updated_by     varchar(255)  not null
);
create index nrm_provider_jurisdiction on nrm_provider (jurisdiction, active);

create table nrm_provider_service (
  provider_id    varchar(36)   not null references nrm_provider (provider_id) on delete cascade,
  service        varchar(32)   not null,
  primary key (provider_id, service)
);
create index nrm_provider_service_code on nrm_provider_service (service, provider_id);

create table nrm_provider_change (
  provider_id    varchar(36)   not null references nrm_provider (provider_id) on delete cascade,
  version        integer       not null,
  action         varchar(16)   not null,
  changed_at     timestamp     not null,
  changed_by     varchar(255)  not null,
  reason         varchar(2000),
  document       text          not null,
  primary key (provider_id, version)
);
