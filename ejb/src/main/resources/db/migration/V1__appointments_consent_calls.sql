-- Appointments, consent ledger, call records.

create table appointment (
    id                uuid primary key,
    room_id           varchar(64)  not null unique,
    link_token_hash   varchar(64)  not null unique,
    advisor_username  varchar(255) not null,
    advisor_name      varchar(255) not null,
    citizen_name      varchar(255) not null,
    citizen_email     varchar(320),
    legal_area        varchar(64)  not null,
    starts_at         timestamp with time zone not null,
    duration_minutes  integer      not null check (duration_minutes between 5 and 480),
    status            varchar(32)  not null,
    created_at        timestamp with time zone not null,
    version           bigint       not null default 0
);
create index appointment_advisor_start on appointment (advisor_username, starts_at);

-- Versioned consent texts: a change is a new row; old rows are never rewritten (GDPR Art. 7(1):
-- the controller must be able to demonstrate what exactly was consented to).
create table consent_text (
    id          bigserial primary key,
    version     integer      not null,
    language    varchar(8)   not null,
    body        text         not null,
    created_at  timestamp with time zone not null,
    unique (version, language)
);

create table consent_record (
    id               uuid primary key,
    appointment_id   uuid        not null references appointment (id) on delete cascade,
    consent_text_id  bigint      not null references consent_text (id),
    given_at         timestamp with time zone not null,
    channel          varchar(32) not null,
    withdrawn_at     timestamp with time zone
);
create index consent_record_appointment on consent_record (appointment_id);

-- What happened to a call, never what was said: no content, no addresses.
create table call_record (
    id                 uuid primary key,
    appointment_id     uuid        not null references appointment (id) on delete cascade,
    started_at         timestamp with time zone not null,
    ended_at           timestamp with time zone,
    duration_seconds   integer,
    connection_type    varchar(16)
);
create index call_record_appointment on call_record (appointment_id);

insert into consent_text (version, language, body, created_at) values
(1, 'de', 'Ich bin damit einverstanden, dass mein Beratungsgespräch als Videotelefonat stattfindet. Bild und Ton werden Ende-zu-Ende-verschlüsselt direkt zwischen meinem Gerät und dem Gerät meiner Beraterin oder meines Beraters übertragen; es wird nichts aufgezeichnet. Gespeichert werden nur Termin, Zeitpunkt dieser Einwilligung sowie Beginn, Ende und Verbindungsart des Gesprächs. Ich kann meine Einwilligung jederzeit widerrufen; das Gespräch endet dann. Statt per Video kann ich auch telefonisch oder vor Ort beraten werden.', now()),
(1, 'en', 'I agree that my consultation takes place as a video call. Picture and sound are end-to-end encrypted and go directly between my device and my advisor''s device; nothing is recorded. Only the appointment, the time of this consent and the start, end and connection type of the call are stored. I can withdraw my consent at any time; the call then ends. Instead of video I can also be advised by phone or in person.', now());
