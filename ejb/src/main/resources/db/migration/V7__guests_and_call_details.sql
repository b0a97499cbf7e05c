-- A third participant for one appointment (an interpreter, a relative, a colleague): invited by the
-- advisor, with an own link (only its SHA-256 hash is stored), an own consent, and a room id of its own.
create table guest_invitation (
    id              uuid primary key,
    appointment_id  uuid         not null references appointment (id) on delete cascade,
    kind            varchar(16)  not null check (kind in ('INTERPRETER', 'RELATIVE', 'COLLEAGUE', 'OTHER')),
    display_name    varchar(80)  not null,
    language        varchar(8)   not null,
    token_hash      varchar(80)  not null unique,
    participant_id  varchar(64)  not null unique,
    created_at      timestamp with time zone not null,
    created_by      varchar(128) not null,
    revoked_at      timestamp with time zone
);
-- One more person per appointment at a time; a revoked invitation makes room for a new one.
create unique index guest_invitation_one_active on guest_invitation (appointment_id) where revoked_at is null;

-- A guest's consent is theirs: it covers only their own part of the call.
alter table consent_record add column guest_id uuid references guest_invitation (id) on delete cascade;
create index consent_record_guest on consent_record (guest_id) where guest_id is not null;

-- The call record, extended: how the call went technically. Still no content and no addresses.
alter table call_record
    add column reconnects        integer not null default 0,
    add column quality_changes   integer not null default 0,
    add column low_quality_used  boolean not null default false,
    add column audio_only_used   boolean not null default false,
    add column first_frame_ms    integer;
