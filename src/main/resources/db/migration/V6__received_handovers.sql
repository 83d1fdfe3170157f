-- The hand-overs received from other countries' mechanisms, once each: a retried hand-over (its
-- answer lost on the way back) finds the case it opened here instead of opening a second one. A
-- hand-over is its sender's repatriation of a case (handoverId): a later repatriation of the same
-- case is a new hand-over.
create table nrm_received_handover (
  referred_from_jurisdiction  varchar(2)   not null,
  handover_id                 varchar(64)  not null,
  referred_from_case          varchar(64)  not null,
  process_instance_id         varchar(64)  not null,
  case_id                     varchar(64)  not null,
  received_at                 timestamp    not null,
  primary key (referred_from_jurisdiction, handover_id)
);
