/**
 * Appointments: an advisor books a consultation for a citizen and hands out the citizen's personal link.
 *
 * <p>The link carries a random token of 256 bits; only its SHA-256 hash is stored, so a copy of the
 * database opens no room. The room id (what signalling and tickets use) is a separate random value,
 * so the link token never travels beyond the citizen's own requests.
 */
package de.videotermin.appointment;
