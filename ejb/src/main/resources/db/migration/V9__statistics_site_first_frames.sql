-- Issue 7, dashboard speed: the median time to first frame of one site is counted from call_quality
-- (a per-site histogram roll-up would hold ~15 million rows a year). The busiest generated site has
-- ~45,000 joins a year; this partial covering index answers the per-site histogram query from the
-- index alone (index-only scan: site, day, area and first frame without visiting the table).
-- call_quality's columns and writing are unchanged (the room client will write it).
create index if not exists call_quality_site_first_frame on call_quality (site_code, joined_on)
    include (legal_area, first_frame_ms)
    where join_succeeded and first_frame_ms is not null;
