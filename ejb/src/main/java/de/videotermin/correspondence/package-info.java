/**
 * Correspondence with citizens: invitations, updates, cancellations and reminders by email (HTML and
 * plain text from templates per legal area and language, with an iCalendar file), and printed letters
 * (PDF) for citizens without email.
 *
 * <p>Why an outbox: a booking and the message about it must succeed or fail together, and an SMTP
 * outage must not lose or block bookings. Messages are rows written in the booking's transaction
 * (observing {@link de.videotermin.appointment.boundary.AppointmentChange}); a timer sends due rows,
 * each locked while sent ({@code for update skip locked}) and marked SENT in the same transaction,
 * retrying with exponential backoff. A crash between the SMTP server's acceptance and the commit
 * could repeat a message; the stable Message-ID lets mail systems drop that duplicate. Delivered
 * bodies are erased (they hold the citizen's link); subject, status and times remain as history.
 */
package de.videotermin.correspondence;
