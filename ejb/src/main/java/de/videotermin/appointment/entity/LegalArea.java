package de.videotermin.appointment.entity;

/**
 * The legal areas the first release shipped with (seeded by V4). Legal areas are data now (table
 * legal_area, {@link LegalAreaEntry}, kept by the admin role); appointments hold the code as a string.
 */
public enum LegalArea {
    FAMILY_BENEFITS,
    CAREER_GUIDANCE,
    VOCATIONAL_REHABILITATION
}
