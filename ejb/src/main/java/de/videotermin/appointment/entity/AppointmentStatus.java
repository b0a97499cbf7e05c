package de.videotermin.appointment.entity;

public enum AppointmentStatus {
    PLANNED,
    IN_PROGRESS,
    DONE,
    CANCELLED
}
