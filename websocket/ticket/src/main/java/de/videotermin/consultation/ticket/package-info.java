/**
 * Join tickets: short-lived, HMAC-signed permissions to enter one consultation room in one role.
 *
 * <p>The EJBs issue them (after consent, or from an advisor's signed-in session); the signalling
 * endpoint verifies them without a database round trip, which is what lets the signalling WAR run
 * on extra Payara Micro nodes. This jar therefore sits in the EAR's {@code lib/} and is shared by
 * both sides; it depends on nothing but the JDK.
 */
package de.videotermin.consultation.ticket;
