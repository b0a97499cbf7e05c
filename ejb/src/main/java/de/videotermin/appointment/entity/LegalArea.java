package de.videotermin.appointment.entity;

/** The legal area an appointment belongs to; names are in the resource bundles (key {@code legalArea.CODE}). */
public enum LegalArea {
    FAMILY_BENEFITS,
    CAREER_GUIDANCE,
    VOCATIONAL_REHABILITATION
}
