-- Citizen journey: consent texts per legal area, device checks (test and rehearsal results).

-- A consent text may be specific to a legal area; NULL means it applies to all areas.
alter table consent_text add column legal_area varchar(64);
alter table consent_text drop constraint consent_text_version_language_key;
create unique index consent_text_version_language_area on consent_text (version, language, coalesce(legal_area, ''));

-- Declining is recorded too (GDPR Art. 7: the controller can show what was and was not agreed to).
alter table consent_record add column decision varchar(16) not null default 'GIVEN';

-- What the citizen's device and network test found. No IP addresses, no device labels
-- (they can contain names), only what the advisor needs to plan the call.
create table device_check (
    id               uuid primary key,
    appointment_id   uuid        not null references appointment (id) on delete cascade,
    checked_at       timestamp with time zone not null,
    rehearsal        boolean     not null,
    browser_family   varchar(32) not null,
    camera_ok        boolean     not null,
    microphone_ok    boolean     not null,
    relay_ok         boolean     not null,
    round_trip_ms    integer,
    bitrate_kbps     integer,
    verdict          varchar(16) not null
);
create index device_check_appointment on device_check (appointment_id, checked_at desc);
