-- Feedback after the call and statistics (issue 7).
--
-- Anonymity by construction: a survey answer row carries only legal area, site and day, never an
-- appointment id, a citizen or a time of day. Double submission is prevented by a separate table of
-- keyed hashes (HMAC of appointment id with a server secret) that shares no key, no order column and
-- no timestamp with the answers, so no report row can be joined back to an appointment or a citizen.

-- Sites arrive with issue 6 (migration V4); reports group by this column and tolerate NULL meanwhile.
alter table appointment add column if not exists site_code varchar(64);

-- The roll-up reads appointments and calls by time; the existing index leads with the advisor.
create index if not exists appointment_starts_at on appointment (starts_at);
create index if not exists call_record_started_at on call_record (started_at);

-- The advisor's record of what became of the appointment. Staff data, keyed by appointment.
create table consultation_outcome (
    appointment_id  uuid        primary key references appointment (id) on delete cascade,
    outcome         varchar(32) not null check (outcome in ('HELD', 'NO_SHOW', 'TECHNICAL_PROBLEMS', 'MOVED_TO_PHONE')),
    recorded_at     timestamp with time zone not null
);

create table feedback_answer (
    id                uuid        primary key,
    legal_area        varchar(64) not null,
    site_code         varchar(64),
    answered_on       date        not null,   -- the consultation's day in Europe/Berlin, never a time
    rating            smallint    check (rating between 1 and 5),
    would_recommend   boolean,
    easy_to_join      boolean,
    picture_sound_ok  boolean,
    comment           varchar(2000)            -- never shown in any report
);
create index feedback_answer_day on feedback_answer (answered_on, legal_area);

create table feedback_submission (
    submission_hash  varchar(64) primary key
);

-- Technical quality of joins as the room client reports them: anonymous, like the survey.
create table call_quality (
    id              uuid        primary key,
    legal_area      varchar(64) not null,
    site_code       varchar(64),
    joined_on       date        not null,
    join_succeeded  boolean     not null,
    first_frame_ms  integer,
    low_quality     boolean     not null default false,
    audio_only      boolean     not null default false
);
create index call_quality_day on call_quality (joined_on, legal_area);
create index call_quality_site on call_quality (site_code, joined_on);

-- Daily roll-up per legal area and site: what every dashboard view reads. Rebuilt per day range by
-- statistics_refresh(); sums and counts only, so that any period is a plain sum over days.
create table statistics_day (
    day                date        not null,
    legal_area         varchar(64) not null,
    site_code          varchar(64) not null default '',
    appointments       integer     not null default 0,
    held               integer     not null default 0,
    no_shows           integer     not null default 0,
    completed_calls    integer     not null default 0,
    call_seconds       bigint      not null default 0,   -- seconds that fell on this day (split at midnight)
    held_call_seconds  bigint      not null default 0,   -- full length of calls that started this day
    relayed_calls      integer     not null default 0,
    recommend_yes      integer     not null default 0,
    recommend_answers  integer     not null default 0,
    rating_sum         integer     not null default 0,
    rating_answers     integer     not null default 0,
    join_attempts      integer     not null default 0,
    joins_succeeded    integer     not null default 0,
    low_quality        integer     not null default 0,
    audio_only         integer     not null default 0,
    primary key (day, legal_area, site_code)
);
create index statistics_day_site on statistics_day (site_code, day);

-- The same sums per day and legal area over all sites: what views without a site read (a year is
-- about 750 rows here instead of 750,000 in statistics_day with 1,000 sites).
create table statistics_day_area (like statistics_day including defaults);
alter table statistics_day_area drop column site_code;
alter table statistics_day_area add primary key (day, legal_area);

-- The same sums per calendar month, legal area and site: what "rows by site" over long periods reads
-- (whole months from here, the days at either end from statistics_day).
create table statistics_month_site (like statistics_day including defaults);
alter table statistics_month_site rename column day to month;
alter table statistics_month_site add primary key (month, legal_area, site_code);

-- Time to first frame in 50 ms buckets per day and legal area (bucket 200 = 10 s and more); medians
-- are read from these counts. Per site the median comes from call_quality directly (few rows).
create table statistics_first_frame (
    day         date        not null,
    legal_area  varchar(64) not null,
    bucket      smallint    not null,
    samples     integer     not null,
    primary key (day, legal_area, bucket)
);

create or replace function statistics_refresh(from_day date, to_day date) returns void
language plpgsql as $$
declare
    zone constant text := 'Europe/Berlin';
    lower_bound timestamptz := (from_day::timestamp at time zone zone);
    upper_bound timestamptz := ((to_day + 1)::timestamp at time zone zone);
begin
    delete from statistics_day where day between from_day and to_day;
    delete from statistics_first_frame where day between from_day and to_day;

    insert into statistics_day (day, legal_area, site_code, appointments, held, no_shows, completed_calls,
                                call_seconds, held_call_seconds, relayed_calls, recommend_yes, recommend_answers,
                                rating_sum, rating_answers, join_attempts, joins_succeeded, low_quality, audio_only)
    select day, legal_area, site_code, sum(appointments), sum(held), sum(no_shows), sum(completed_calls),
           sum(call_seconds), sum(held_call_seconds), sum(relayed_calls), sum(recommend_yes), sum(recommend_answers),
           sum(rating_sum), sum(rating_answers), sum(join_attempts), sum(joins_succeeded), sum(low_quality), sum(audio_only)
    from (
        -- appointments, outcomes, calls, attributed to the Berlin day the appointment starts
        select (a.starts_at at time zone zone)::date as day, a.legal_area, coalesce(a.site_code, '') as site_code,
               1 as appointments,
               case when o.outcome = 'HELD' or (o.outcome is null and c.calls > 0) then 1 else 0 end as held,
               case when o.outcome = 'NO_SHOW' or a.status = 'NO_SHOW' then 1 else 0 end as no_shows,
               coalesce(c.calls, 0) as completed_calls, 0::bigint as call_seconds,
               coalesce(c.seconds, 0) as held_call_seconds, coalesce(c.relayed, 0) as relayed_calls,
               0 as recommend_yes, 0 as recommend_answers, 0 as rating_sum, 0 as rating_answers,
               0 as join_attempts, 0 as joins_succeeded, 0 as low_quality, 0 as audio_only
        from appointment a
        left join consultation_outcome o on o.appointment_id = a.id
        left join lateral (
            select count(*) as calls, sum(cr.duration_seconds)::bigint as seconds,
                   count(*) filter (where cr.connection_type = 'RELAYED') as relayed
            from call_record cr where cr.appointment_id = a.id and cr.ended_at is not null
        ) c on true
        where a.starts_at >= lower_bound and a.starts_at < upper_bound and a.status <> 'CANCELLED'
        union all
        -- call seconds, split at Berlin midnight (a day is 23 or 25 hours long at the DST switches)
        select d.day, a.legal_area, coalesce(a.site_code, ''), 0, 0, 0, 0,
               extract(epoch from least(cr.ended_at, d.day_end) - greatest(cr.started_at, d.day_start))::bigint,
               0, 0, 0, 0, 0, 0, 0, 0, 0, 0
        from call_record cr
        join appointment a on a.id = cr.appointment_id
        cross join lateral (
            select g::date as day, (g::date::timestamp at time zone zone) as day_start,
                   ((g::date + 1)::timestamp at time zone zone) as day_end
            from generate_series((cr.started_at at time zone zone)::date, (cr.ended_at at time zone zone)::date,
                                 interval '1 day') g
        ) d
        where cr.ended_at is not null and cr.started_at < upper_bound and cr.ended_at > lower_bound
          and d.day between from_day and to_day and least(cr.ended_at, d.day_end) > greatest(cr.started_at, d.day_start)
        union all
        select f.answered_on, f.legal_area, coalesce(f.site_code, ''), 0, 0, 0, 0, 0, 0, 0,
               case when f.would_recommend then 1 else 0 end, case when f.would_recommend is not null then 1 else 0 end,
               coalesce(f.rating, 0), case when f.rating is not null then 1 else 0 end, 0, 0, 0, 0
        from feedback_answer f where f.answered_on between from_day and to_day
        union all
        select q.joined_on, q.legal_area, coalesce(q.site_code, ''), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
               1, case when q.join_succeeded then 1 else 0 end,
               case when q.low_quality then 1 else 0 end, case when q.audio_only then 1 else 0 end
        from call_quality q where q.joined_on between from_day and to_day
    ) facts
    group by day, legal_area, site_code;

    delete from statistics_day_area where day between from_day and to_day;
    insert into statistics_day_area (day, legal_area, appointments, held, no_shows, completed_calls, call_seconds,
                                     held_call_seconds, relayed_calls, recommend_yes, recommend_answers, rating_sum,
                                     rating_answers, join_attempts, joins_succeeded, low_quality, audio_only)
    select day, legal_area, sum(appointments), sum(held), sum(no_shows), sum(completed_calls), sum(call_seconds),
           sum(held_call_seconds), sum(relayed_calls), sum(recommend_yes), sum(recommend_answers), sum(rating_sum),
           sum(rating_answers), sum(join_attempts), sum(joins_succeeded), sum(low_quality), sum(audio_only)
    from statistics_day where day between from_day and to_day
    group by day, legal_area;

    delete from statistics_month_site
    where month between cast(date_trunc('month', from_day) as date) and cast(date_trunc('month', to_day) as date);
    insert into statistics_month_site
    select cast(date_trunc('month', day) as date), legal_area, site_code, sum(appointments), sum(held), sum(no_shows),
           sum(completed_calls), sum(call_seconds), sum(held_call_seconds), sum(relayed_calls), sum(recommend_yes),
           sum(recommend_answers), sum(rating_sum), sum(rating_answers), sum(join_attempts), sum(joins_succeeded),
           sum(low_quality), sum(audio_only)
    from statistics_day
    where day >= cast(date_trunc('month', from_day) as date)
      and day < cast(date_trunc('month', to_day) + interval '1 month' as date)
    group by 1, 2, 3;

    insert into statistics_first_frame (day, legal_area, bucket, samples)
    select joined_on, legal_area, least(first_frame_ms / 50, 200), count(*)
    from call_quality
    where joined_on between from_day and to_day and join_succeeded and first_frame_ms is not null
    group by 1, 2, 3;
end;
$$;
