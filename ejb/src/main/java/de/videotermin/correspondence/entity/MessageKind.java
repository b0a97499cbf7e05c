package de.videotermin.correspondence.entity;

public enum MessageKind {
    INVITATION, UPDATE, CANCELLATION, REMINDER, LETTER,
    /** An invited guest's own invitation (interpreter, relative): rendered in the guest's language. */
    GUEST_INVITATION
}
