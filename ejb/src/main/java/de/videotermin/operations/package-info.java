/**
 * Running the service: schema migration at start-up and the readiness check operators and load
 * balancers poll.
 */
package de.videotermin.operations;
