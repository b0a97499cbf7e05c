-- A realistic year of consultations for the statistics dashboard (issue 7).
--
--   psql -v from_day=2025-01-01 -v to_day=2025-12-31 -v per_day=14000 -v sites=1000 -f generate-year.sql
--
-- Days from_day..to_day (a year for the benchmark, a few months as the ./run sample); working days Monday–Friday (public holidays ignored), :per_day appointments a day over :sites sites
-- (codes GEN-0001 …, skewed: big cities carry more), three legal areas. Distributions, chosen to
-- look like a public advice service, not measured ones:
--   2 % cancelled; of the rest 8 % no-show, 2 % technical problems, 1 % moved to phone, 89 % held;
--   advisors record the outcome for 70 % of the held ones (the rest count as held by their call);
--   calls 2–60 min, mostly 15–35; 12 % relayed through TURN; 35 % of held consultations answer the
--   survey (ratings mostly 4–5, ~95 % of those who answer would recommend); 97 % of joins succeed, first frame
--   after 0.2–1.0 s (relayed +0.3 s), 6 % fall back to low quality, 3 % to audio only.
-- Everything generated is marked (advisor 'generated', sites GEN-*) and removed by the first lines.
\set ON_ERROR_STOP on
\timing on
set client_min_messages = warning;

-- what an earlier run generated goes, and so do its figures in the roll-up
select coalesce(min((starts_at at time zone 'Europe/Berlin')::date), current_date) as old_from,
       coalesce(max((starts_at at time zone 'Europe/Berlin')::date), current_date) as old_to
from appointment where advisor_username = 'generated' \gset
delete from appointment where advisor_username = 'generated';
delete from feedback_answer where site_code like 'GEN-%';
delete from call_quality where site_code like 'GEN-%';
select cast(statistics_refresh(date :'old_from', date :'old_to') as text) as cleared;

-- Random numbers first, one column each: PostgreSQL may re-evaluate random() for every reference
-- inside an inlined subquery, which would skew the distributions.
create temp table gen_raw as
select day, random() as t, random() as s, random() as a, random() as o,
       random() as recorded, random() as answer, random() as r2, random() as r3, random() as r4
from (select d::date as day from generate_series(date :'from_day', date :'to_day', interval '1 day') d
      where extract(isodow from d) < 6) days
cross join generate_series(1, :per_day) n;

create temp table gen as
select gen_random_uuid() as id,
       (day::timestamp + time '08:00' + (floor(t * 36) * interval '15 minutes')) at time zone 'Europe/Berlin' as starts_at,
       'GEN-' || lpad((1 + floor(power(s, 1.6) * :sites))::int::text, 4, '0') as site_code,
       case when a < 0.5 then 'FAMILY_BENEFITS' when a < 0.85 then 'CAREER_GUIDANCE' else 'VOCATIONAL_REHABILITATION' end as legal_area,
       case when o < 0.02 then 'CANCELLED' when o < 0.10 then 'NO_SHOW' when o < 0.12 then 'TECHNICAL_PROBLEMS'
            when o < 0.13 then 'MOVED_TO_PHONE' else 'HELD' end as outcome,
       recorded, answer, r2, r3, r4
from gen_raw;
drop table gen_raw;

-- Sites are data (V4): the generated ones must exist before appointments refer to them.
insert into site (code, name)
select distinct site_code, 'Generated site ' || site_code from gen
on conflict (code) do nothing;

-- An advisor cannot be double-booked (exclusion constraint), and the statistics never group by
-- advisor: each generated appointment gets a generated advisor of its own.
insert into appointment (id, room_id, link_token_hash, advisor_username, advisor_name, citizen_name, legal_area, starts_at,
                         duration_minutes, status, created_at, site_code)
select id, replace(id::text, '-', ''), md5(id::text) || md5(id::text), 'generated-' || id::text, 'Generated', 'Generated', legal_area,
       starts_at, 30, case outcome when 'CANCELLED' then 'CANCELLED' when 'NO_SHOW' then 'PLANNED' else 'DONE' end,
       starts_at - interval '7 days', site_code
from gen;

insert into consultation_outcome (appointment_id, outcome, recorded_at)
select id, outcome, starts_at + interval '1 hour' from gen
where outcome <> 'CANCELLED' and (outcome <> 'HELD' or recorded < 0.7);

-- calls of held consultations and of those with technical problems (short ones)
insert into call_record (id, appointment_id, started_at, ended_at, duration_seconds, connection_type)
select gen_random_uuid(), id, s, s + make_interval(secs => secs), secs, case when r2 < 0.12 then 'RELAYED' else 'DIRECT' end
from (select id, r2, starts_at + make_interval(secs => floor(r3 * 300)::int) as s,
             case when outcome = 'HELD' then greatest(120, least(3600, floor(900 + r4 * 1200 + random() * 900 - random() * 600)))::int
                  else floor(60 + r4 * 240)::int end as secs
      from gen where outcome in ('HELD', 'TECHNICAL_PROBLEMS')) c;

insert into feedback_answer (id, legal_area, site_code, answered_on, rating, would_recommend, easy_to_join, picture_sound_ok)
select gen_random_uuid(), legal_area, site_code, (starts_at at time zone 'Europe/Berlin')::date, rating,
       case when random() < 0.05 then null when rating >= 4 then random() < 0.99 else random() < 0.75 end,
       random() < 0.92, random() < 0.90
from (select *, case when r3 < 0.55 then 5 when r3 < 0.80 then 4 when r3 < 0.90 then 3 when r3 < 0.95 then 2 else 1 end as rating
      from gen where outcome = 'HELD' and answer < 0.35) f;

insert into call_quality (id, legal_area, site_code, joined_on, join_succeeded, first_frame_ms, low_quality, audio_only)
select gen_random_uuid(), legal_area, site_code, (starts_at at time zone 'Europe/Berlin')::date, ok,
       case when ok then (200 + r4 * 800 + case when r2 < 0.12 then 300 else 0 end)::int end,
       ok and random() < 0.06, ok and random() < 0.03
from (select *, outcome <> 'TECHNICAL_PROBLEMS' or random() < 0.5 as ok from gen
      where outcome in ('HELD', 'TECHNICAL_PROBLEMS', 'MOVED_TO_PHONE')) q;

analyze appointment; analyze call_record; analyze consultation_outcome; analyze feedback_answer;
-- vacuum, not only analyze: the per-site first-frame query is an index-only scan (V9), which needs the
-- visibility map that autovacuum would otherwise set some time later
vacuum analyze call_quality;

select cast(statistics_refresh(date :'from_day', date :'to_day') as text) as rolled_up;
analyze statistics_day; analyze statistics_first_frame;

select count(*) as appointments from gen;
