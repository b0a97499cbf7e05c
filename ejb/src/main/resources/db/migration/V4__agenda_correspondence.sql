-- Issue 6: the advisor's agenda (sites, legal areas as data, no double booking), citizen self-service,
-- idempotent creation through the API, and the correspondence outbox with its templates.

create extension if not exists btree_gist;

-- Reference data managed by the admin role. Legal-area codes are what appointment.legal_area holds.
create table legal_area (
    code     varchar(64)  primary key,
    name_de  varchar(255) not null,
    name_en  varchar(255) not null,
    active   boolean      not null default true
);
insert into legal_area (code, name_de, name_en) values
('FAMILY_BENEFITS', 'Familienkasse', 'Family benefits office'),
('CAREER_GUIDANCE', 'Berufsberatung', 'Career guidance'),
('VOCATIONAL_REHABILITATION', 'Berufliche Rehabilitation', 'Vocational rehabilitation');

create table site (
    code     varchar(64)  primary key,
    name     varchar(255) not null,
    address  varchar(500),
    active   boolean      not null default true
);

-- site_code may already exist: V3 (statistics) adds it without a reference when it is missing.
alter table appointment add column if not exists site_code varchar(64);
alter table appointment add constraint appointment_site_code_fkey foreign key (site_code) references site (code);

alter table appointment
    add column ends_at             timestamp with time zone,
    add column topic               varchar(200),
    add column extra_info          varchar(2000),
    add column citizen_language    varchar(8) not null default 'de',
    add column postal_address      varchar(500),
    add column calendar_sequence   integer not null default 0,
    add column citizen_request     varchar(500),
    add column citizen_request_at  timestamp with time zone,
    add column created_by          varchar(255),
    add column idempotency_key     varchar(200),
    add column idempotency_hash    varchar(64);

-- ends_at follows starts_at and the duration (a trigger, because timestamptz + interval is not
-- immutable and so cannot be a generated column); inserts that do not know the column still work.
create function appointment_set_ends_at() returns trigger language plpgsql as $$
begin
    new.ends_at := new.starts_at + make_interval(mins => new.duration_minutes);
    return new;
end $$;
create trigger appointment_ends_at before insert or update of starts_at, duration_minutes on appointment
    for each row execute function appointment_set_ends_at();
update appointment set ends_at = starts_at + make_interval(mins => duration_minutes);
alter table appointment alter column ends_at set not null;
alter table appointment add constraint appointment_legal_area_fk foreign key (legal_area) references legal_area (code);

-- An advisor is never in two appointments at once. Enforced here, not only in Java, so that two
-- concurrent bookings (two browser tabs, the agency's system and the advisor) cannot both win.
-- Half-open ranges: 10:00-10:30 and 10:30-11:00 do not overlap. Cancelled appointments free the slot.
alter table appointment add constraint appointment_no_double_booking
    exclude using gist (advisor_username with =, tstzrange(starts_at, ends_at, '[)') with &&)
    where (status <> 'CANCELLED');

-- Idempotent creation: one appointment per caller and Idempotency-Key.
create unique index appointment_idempotency on appointment (created_by, idempotency_key) where idempotency_key is not null;
create index appointment_site_start on appointment (site_code, starts_at);
create index appointment_start on appointment (starts_at);

-- Templates per kind, legal area ('*' = any) and language. Placeholders: {{citizenName}} etc.
create table mail_template (
    id          bigserial primary key,
    kind        varchar(32)  not null,
    legal_area  varchar(64)  not null default '*',
    language    varchar(8)   not null,
    subject     varchar(300) not null,
    body_text   text         not null,
    body_html   text         not null,
    updated_at  timestamp with time zone not null default now(),
    updated_by  varchar(255),
    unique (kind, legal_area, language)
);

-- The outbox: a message is written in the same transaction as the change it reports, and a timer
-- delivers it. Rows are locked while being sent (for update skip locked), so each is sent once.
-- The body (which may hold the citizen's link) is erased once the message is delivered; subject,
-- status and times stay as the history the advisor sees.
create table outbox_message (
    id               uuid primary key,
    appointment_id   uuid         not null references appointment (id) on delete cascade,
    kind             varchar(32)  not null,
    channel          varchar(16)  not null,
    dedupe_key       varchar(200) not null unique,
    recipient        varchar(320),
    subject          varchar(300) not null,
    body_text        text,
    body_html        text,
    ics              text,
    pdf              bytea,
    status           varchar(16)  not null,
    attempts         integer      not null default 0,
    next_attempt_at  timestamp with time zone not null,
    last_error       varchar(300),
    created_at       timestamp with time zone not null,
    sent_at          timestamp with time zone
);
create index outbox_due on outbox_message (next_attempt_at) where status in ('PENDING', 'RETRYING');
create index outbox_appointment on outbox_message (appointment_id, created_at);

insert into mail_template (kind, language, subject, body_text, body_html) values
('INVITATION', 'de', 'Ihr Videotermin am {{date}} um {{time}} Uhr',
'Guten Tag {{citizenName}},

Sie haben am {{date}} um {{time}} Uhr (deutsche Zeit) einen Beratungstermin per Video bei {{advisorName}} ({{legalArea}}).
Thema: {{topic}}
{{extraInfo}}
Ihr persönlicher Link zum Gespräch:
{{link}}

Termin absagen oder einen anderen Termin erbitten: {{manageLink}}

Den Termin finden Sie auch im angehängten Kalendereintrag.
Mit freundlichen Grüßen
{{advisorName}}',
'<p>Guten Tag {{citizenName}},</p><p>Sie haben am <strong>{{date}} um {{time}} Uhr</strong> (deutsche Zeit) einen Beratungstermin per Video bei {{advisorName}} ({{legalArea}}).</p><p>Thema: {{topic}}</p><p>{{extraInfo}}</p><p>Ihr persönlicher Link zum Gespräch:<br><a href="{{link}}">{{link}}</a></p><p>Termin absagen oder einen anderen Termin erbitten: <a href="{{manageLink}}">{{manageLink}}</a></p><p>Den Termin finden Sie auch im angehängten Kalendereintrag.</p><p>Mit freundlichen Grüßen<br>{{advisorName}}</p>'),
('INVITATION', 'en', 'Your video appointment on {{date}} at {{time}}',
'Hello {{citizenName}},

you have a video consultation with {{advisorName}} ({{legalArea}}) on {{date}} at {{time}} (German time).
Topic: {{topic}}
{{extraInfo}}
Your personal link to the consultation:
{{link}}

Cancel or ask for another time: {{manageLink}}

The appointment is also in the attached calendar file.
Kind regards
{{advisorName}}',
'<p>Hello {{citizenName}},</p><p>you have a video consultation with {{advisorName}} ({{legalArea}}) on <strong>{{date}} at {{time}}</strong> (German time).</p><p>Topic: {{topic}}</p><p>{{extraInfo}}</p><p>Your personal link to the consultation:<br><a href="{{link}}">{{link}}</a></p><p>Cancel or ask for another time: <a href="{{manageLink}}">{{manageLink}}</a></p><p>The appointment is also in the attached calendar file.</p><p>Kind regards<br>{{advisorName}}</p>'),
('UPDATE', 'de', 'Ihr Videotermin wurde verlegt: {{date}} um {{time}} Uhr',
'Guten Tag {{citizenName}},

Ihr Beratungstermin bei {{advisorName}} ({{legalArea}}) wurde verlegt auf {{date}} um {{time}} Uhr (deutsche Zeit).
Ihr persönlicher Link aus der Einladung gilt weiter.

Mit freundlichen Grüßen
{{advisorName}}',
'<p>Guten Tag {{citizenName}},</p><p>Ihr Beratungstermin bei {{advisorName}} ({{legalArea}}) wurde verlegt auf <strong>{{date}} um {{time}} Uhr</strong> (deutsche Zeit).</p><p>Ihr persönlicher Link aus der Einladung gilt weiter.</p><p>Mit freundlichen Grüßen<br>{{advisorName}}</p>'),
('UPDATE', 'en', 'Your video appointment has moved: {{date}} at {{time}}',
'Hello {{citizenName}},

your consultation with {{advisorName}} ({{legalArea}}) has moved to {{date}} at {{time}} (German time).
The personal link from your invitation stays valid.

Kind regards
{{advisorName}}',
'<p>Hello {{citizenName}},</p><p>your consultation with {{advisorName}} ({{legalArea}}) has moved to <strong>{{date}} at {{time}}</strong> (German time).</p><p>The personal link from your invitation stays valid.</p><p>Kind regards<br>{{advisorName}}</p>'),
('CANCELLATION', 'de', 'Ihr Videotermin am {{date}} ist abgesagt',
'Guten Tag {{citizenName}},

Ihr Beratungstermin bei {{advisorName}} ({{legalArea}}) am {{date}} um {{time}} Uhr findet nicht statt.

Mit freundlichen Grüßen
{{advisorName}}',
'<p>Guten Tag {{citizenName}},</p><p>Ihr Beratungstermin bei {{advisorName}} ({{legalArea}}) am {{date}} um {{time}} Uhr findet nicht statt.</p><p>Mit freundlichen Grüßen<br>{{advisorName}}</p>'),
('CANCELLATION', 'en', 'Your video appointment on {{date}} is cancelled',
'Hello {{citizenName}},

your consultation with {{advisorName}} ({{legalArea}}) on {{date}} at {{time}} will not take place.

Kind regards
{{advisorName}}',
'<p>Hello {{citizenName}},</p><p>your consultation with {{advisorName}} ({{legalArea}}) on {{date}} at {{time}} will not take place.</p><p>Kind regards<br>{{advisorName}}</p>'),
('REMINDER', 'de', 'Erinnerung: Ihr Videotermin am {{date}} um {{time}} Uhr',
'Guten Tag {{citizenName}},

wir erinnern Sie an Ihren Beratungstermin per Video bei {{advisorName}} ({{legalArea}}) am {{date}} um {{time}} Uhr (deutsche Zeit).
Bitte nutzen Sie den persönlichen Link aus Ihrer Einladung.

Mit freundlichen Grüßen
{{advisorName}}',
'<p>Guten Tag {{citizenName}},</p><p>wir erinnern Sie an Ihren Beratungstermin per Video bei {{advisorName}} ({{legalArea}}) am <strong>{{date}} um {{time}} Uhr</strong> (deutsche Zeit).</p><p>Bitte nutzen Sie den persönlichen Link aus Ihrer Einladung.</p><p>Mit freundlichen Grüßen<br>{{advisorName}}</p>'),
('REMINDER', 'en', 'Reminder: your video appointment on {{date}} at {{time}}',
'Hello {{citizenName}},

this is a reminder of your video consultation with {{advisorName}} ({{legalArea}}) on {{date}} at {{time}} (German time).
Please use the personal link from your invitation.

Kind regards
{{advisorName}}',
'<p>Hello {{citizenName}},</p><p>this is a reminder of your video consultation with {{advisorName}} ({{legalArea}}) on <strong>{{date}} at {{time}}</strong> (German time).</p><p>Please use the personal link from your invitation.</p><p>Kind regards<br>{{advisorName}}</p>'),
('LETTER', 'de', 'Einladung zu Ihrem Videotermin',
'Guten Tag {{citizenName}},

Sie haben am {{date}} um {{time}} Uhr einen Beratungstermin per Video bei {{advisorName}} ({{legalArea}}).
Thema: {{topic}}
{{extraInfo}}
Bitte öffnen Sie zum Termin diese Adresse in Ihrem Browser:
{{link}}

Absagen oder einen anderen Termin erbitten können Sie hier:
{{manageLink}}

Mit freundlichen Grüßen
{{advisorName}}', ''),
('LETTER', 'en', 'Invitation to your video appointment',
'Hello {{citizenName}},

you have a video consultation with {{advisorName}} ({{legalArea}}) on {{date}} at {{time}} (German time).
Topic: {{topic}}
{{extraInfo}}
At the time of the appointment, please open this address in your browser:
{{link}}

To cancel or ask for another time:
{{manageLink}}

Kind regards
{{advisorName}}', '');
