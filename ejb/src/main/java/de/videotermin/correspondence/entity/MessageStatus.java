package de.videotermin.correspondence.entity;

/** PENDING → SENT, or RETRYING (with backoff) → SENT / FAILED. Letters are LETTER_READY for printing. */
public enum MessageStatus {
    PENDING, RETRYING, SENT, FAILED, LETTER_READY
}
