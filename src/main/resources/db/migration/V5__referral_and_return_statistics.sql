-- The statistics of the case's course: when it was first assisted and, for a child, notified to
-- child protection (hours after detection); how long the identification took against its
-- deadline (working days); its escalations; the stage it is at.
alter table nrm_stat_case add column first_assistance_hours numeric(10, 1);
alter table nrm_stat_case add column child_protection_hours numeric(10, 1);
alter table nrm_stat_case add column identification_working_days integer;
alter table nrm_stat_case add column identification_deadline_days integer;
alter table nrm_stat_case add column escalations_raised integer default 0 not null;
alter table nrm_stat_case add column escalations_resolved integer default 0 not null;
alter table nrm_stat_case add column stage varchar(24) default 'screening' not null;

-- One de-identified record per referral to an institution: codes, days and durations only.
-- referred_at is kept to measure the hours to the answer; no answer or export shows it.
create table nrm_stat_referral (
  referral_id             varchar(64)  not null primary key,
  case_id                 varchar(64)  not null,
  institution             varchar(32)  not null,
  state                   varchar(16)  not null,
  referred_at             timestamp    not null,
  hours_to_answer         numeric(10, 1),
  times_declined          integer      default 0 not null,
  overdue                 boolean      default false not null,
  escalations_raised      integer      default 0 not null,
  escalations_resolved    integer      default 0 not null,
  closed_on               date,
  updated_at              timestamp    not null,
  constraint nrm_stat_referral_case foreign key (case_id) references nrm_stat_case (process_instance_id) on delete cascade
);
create index nrm_stat_referral_case on nrm_stat_referral (case_id);

-- One de-identified record per return (the destination's repatriation of a case).
create table nrm_stat_return (
  return_id               varchar(64)  not null primary key,
  case_id                 varchar(64)  not null,
  state                   varchar(16)  not null,
  blocked_reason          varchar(24),
  reintegration_outcome   varchar(16),
  escalations_raised      integer      default 0 not null,
  escalations_resolved    integer      default 0 not null,
  started_on              date         not null,
  closed_on               date,
  updated_at              timestamp    not null,
  constraint nrm_stat_return_case foreign key (case_id) references nrm_stat_case (process_instance_id) on delete cascade
);
create index nrm_stat_return_case on nrm_stat_return (case_id);
