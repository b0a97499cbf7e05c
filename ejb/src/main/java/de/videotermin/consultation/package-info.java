/**
 * The consultation itself: who may enter which room (join tickets), how browsers reach each other
 * (ICE servers with short-lived TURN credentials from our own coturn), and the call record
 * (start, end, duration, direct or relayed — never content, never addresses).
 */
package de.videotermin.consultation;
