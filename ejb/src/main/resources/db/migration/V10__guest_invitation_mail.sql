-- The advisor may give the guest's e-mail address: the invitation then goes through the outbox like the
-- citizen's. The address is personal data: retention erases it with the appointment's contact data
-- (the same statement that replaces the guest's name by '–'), and the outbox row's recipient with it.
alter table guest_invitation add column email varchar(254);

-- A guest's message belongs to the guest's invitation: withdrawing it deletes the message while it still
-- waits (and the link in one already sent is closed); deleting the invitation deletes its messages.
alter table outbox_message add column guest_id uuid references guest_invitation (id) on delete cascade;
create index outbox_message_guest on outbox_message (guest_id) where guest_id is not null;

-- Placeholders: {{guestName}} {{advisorName}} {{legalArea}} {{date}} {{time}} {{duration}} {{link}} {{privacyLink}}.
insert into mail_template (kind, language, subject, body_text, body_html) values
('GUEST_INVITATION', 'de', 'Einladung zur Videoberatung am {{date}} um {{time}} Uhr',
'Guten Tag {{guestName}},

{{advisorName}} lädt Sie zu einer Beratung per Video am {{date}} um {{time}} Uhr (deutsche Zeit, etwa {{duration}} Minuten) ein ({{legalArea}}).

Ihr persönlicher Link zum Gespräch:
{{link}}

Über den Link stimmen Sie selbst zu, testen Kamera und Mikrofon und warten, bis Sie eingelassen werden. Geben Sie den Link bitte nicht weiter.

Was über Sie gespeichert wird und wann es gelöscht wird: {{privacyLink}}

Mit freundlichen Grüßen
{{advisorName}}',
'<p>Guten Tag {{guestName}},</p><p>{{advisorName}} lädt Sie zu einer Beratung per Video am <strong>{{date}} um {{time}} Uhr</strong> (deutsche Zeit, etwa {{duration}} Minuten) ein ({{legalArea}}).</p><p>Ihr persönlicher Link zum Gespräch:<br><a href="{{link}}">{{link}}</a></p><p>Über den Link stimmen Sie selbst zu, testen Kamera und Mikrofon und warten, bis Sie eingelassen werden. Geben Sie den Link bitte nicht weiter.</p><p>Was über Sie gespeichert wird und wann es gelöscht wird: <a href="{{privacyLink}}">{{privacyLink}}</a></p><p>Mit freundlichen Grüßen<br>{{advisorName}}</p>'),
('GUEST_INVITATION', 'en', 'Invitation to a video consultation on {{date}} at {{time}}',
'Hello {{guestName}},

{{advisorName}} invites you to a video consultation on {{date}} at {{time}} (German time, about {{duration}} minutes; {{legalArea}}).

Your personal link to the consultation:
{{link}}

With this link you give your own consent, test your camera and microphone, and wait until you are let in. Please do not pass the link on.

What is stored about you and when it is deleted: {{privacyLink}}

Kind regards
{{advisorName}}',
'<p>Hello {{guestName}},</p><p>{{advisorName}} invites you to a video consultation on <strong>{{date}} at {{time}}</strong> (German time, about {{duration}} minutes; {{legalArea}}).</p><p>Your personal link to the consultation:<br><a href="{{link}}">{{link}}</a></p><p>With this link you give your own consent, test your camera and microphone, and wait until you are let in. Please do not pass the link on.</p><p>What is stored about you and when it is deleted: <a href="{{privacyLink}}">{{privacyLink}}</a></p><p>Kind regards<br>{{advisorName}}</p>');
