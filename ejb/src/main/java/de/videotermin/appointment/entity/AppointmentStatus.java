package de.videotermin.appointment.entity;

/**
 * Where an appointment stands. PLANNED until the invitation went out (INVITED); CITIZEN_WAITING while
 * the citizen is in the lobby; then IN_PROGRESS, DONE, or NO_SHOW; CANCELLED frees the advisor's time.
 */
public enum AppointmentStatus {
    PLANNED,
    INVITED,
    CITIZEN_WAITING,
    IN_PROGRESS,
    DONE,
    NO_SHOW,
    CANCELLED;

    /** Still ahead of us: it can be moved or cancelled. */
    public boolean isOpen() {
        return this == PLANNED || this == INVITED || this == CITIZEN_WAITING;
    }
}
