package de.videotermin.consultation.signalling;

/**
 * What a room remembers about a citizen or guest beyond their connection, and what the data grid keeps of it
 * so that a node taking a room over (its owner died) decides as the owner would have.
 */
enum Standing {
    /** Nothing to remember: not admitted yet, or the admission was forgotten (they left, the call ended). */
    NONE,
    /** Let in by the advisor: comes back after a dropped connection without waiting again. */
    ADMITTED,
    /** Taken out by the advisor: turned away while a join ticket issued before the removal is still valid. */
    REMOVED
}
