/**
 * The contract through which signalling reports what happened to a call (never its content), so
 * that the EJBs can keep the call record. Lives beside the tickets in the EAR's {@code lib/}.
 */
package de.videotermin.consultation.journal;
