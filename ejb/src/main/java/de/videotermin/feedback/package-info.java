/**
 * Feedback after the call: the citizen's short, optional survey and the advisor's record of what
 * became of the appointment (held, no-show, technical problems, moved to phone).
 *
 * <p>Survey answers are anonymous by construction, not by reporting discipline: a {@code feedback_answer}
 * row holds only legal area, site and the consultation's day, no appointment id and no time of day.
 * To allow one answer per appointment, a keyed hash (HMAC of the appointment id with a server secret)
 * goes into a separate table that shares no key, order or timestamp with the answers. Whoever reads
 * the database can tell that an appointment was answered, but not which answer is its.
 */
package de.videotermin.feedback;
