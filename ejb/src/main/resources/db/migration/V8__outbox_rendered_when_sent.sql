-- Issue 6 (agenda branch): messages are rendered when the outbox sends them, not in the booking's
-- request. Until then a row holds the citizen's link token (an invitation's only way to the link:
-- the appointment keeps the hash); rendering moves the link into the bodies and erases the token,
-- delivery erases the bodies. The subject is known once rendered.
alter table outbox_message add column link_token varchar(100);
alter table outbox_message alter column subject drop not null;

