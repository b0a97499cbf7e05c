-- Audit trail of staff actions: who viewed or changed which appointment, who looked at consent
-- evidence. Append-only: updates are refused by the database itself; deletions only by an explicit
-- purge (a session setting), which nothing in the application does today.
create table audit_event (
    id              uuid primary key,
    at              timestamp with time zone not null,
    actor           varchar(255) not null,
    action          varchar(64)  not null,
    appointment_id  uuid,
    detail          varchar(200)
);
create index audit_event_at on audit_event (at desc);
create index audit_event_appointment on audit_event (appointment_id, at desc);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        raise exception 'audit events cannot be changed';
    end if;
    if coalesce(current_setting('videotermin.audit_purge', true), '') <> 'on' then
        raise exception 'audit events cannot be deleted';
    end if;
    return old;
end $$;
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_append_only();
