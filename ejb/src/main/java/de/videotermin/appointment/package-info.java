/**
 * Appointments: an advisor (or the agency's system) books a consultation for a citizen and hands out the
 * citizen's personal link; appointments are moved, cancelled, and asked about by the citizen.
 *
 * <p>The link carries a random token of 256 bits; only its SHA-256 hash is stored, so a copy of the
 * database opens no room. The room id (what signalling and tickets use) is a separate random value,
 * so the link token never travels beyond the citizen's own requests.
 *
 * <p>An advisor is never double-booked: the database enforces it with an exclusion constraint on the
 * advisor's time range (btree_gist), because two concurrent bookings would both pass any check in Java;
 * the boundary checks first only to name the appointment in the way. Changes are announced as
 * {@link de.videotermin.appointment.boundary.AppointmentChange} events inside the transaction, so the
 * correspondence component can queue its messages atomically without this component knowing about mail.
 * Sites and legal areas are data (tables {@code site}, {@code legal_area}); the legal-area codes stay an
 * enum because other components and the templates key on them.
 */
package de.videotermin.appointment;
