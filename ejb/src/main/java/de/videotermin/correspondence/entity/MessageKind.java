package de.videotermin.correspondence.entity;

public enum MessageKind {
    INVITATION, UPDATE, CANCELLATION, REMINDER, LETTER
}
