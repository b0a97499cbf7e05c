-- Retention: what each scheduled run deleted (counts, never contents).
create table retention_run (
    id                        uuid primary key,
    ran_at                    timestamp with time zone not null,
    as_of                     timestamp with time zone not null,
    anonymised_appointments   integer not null,
    deleted_call_records      integer not null,
    deleted_device_checks     integer not null,
    deleted_consent_records   integer not null
);
create index retention_run_ran_at on retention_run (ran_at desc);
