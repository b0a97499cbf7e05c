package de.videotermin.consultation.entity;

/** Why one more person joins a consultation. */
public enum GuestKind {
    INTERPRETER,
    RELATIVE,
    COLLEAGUE,
    OTHER
}
