/**
 * Statistics for the people who run the service: appointments, consultations held, no-shows, call
 * minutes, survey results and technical quality, by day, week or month, legal area and site.
 *
 * <p>Only aggregates, by construction: every view reads the daily roll-up {@code statistics_day}
 * (sums and counts per day, legal area and site) and {@code statistics_first_frame} (a histogram),
 * which the database function {@code statistics_refresh(from, to)} rebuilds from the appointments,
 * call records, outcomes and anonymous survey answers. Nothing in these tables names a person, an
 * advisor or an appointment, and free-text comments never reach them. Sums over days make every
 * period cheap (a year is at most 365 × 3 × sites rows) and keep figures additive.
 *
 * <p>Time: days are days in Europe/Berlin. An appointment counts on the day it starts; call minutes
 * count on the day they were spoken, split at local midnight; durations come from instants, so the
 * 23- and 25-hour days of the DST switches are counted as they were. Weeks are ISO weeks (Monday).
 */
package de.videotermin.statistics;
