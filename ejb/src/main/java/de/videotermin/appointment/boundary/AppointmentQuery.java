package de.videotermin.appointment.boundary;

import java.time.LocalDate;

/** Filters for the listing: days in Europe/Berlin [from, to], advisor, site; page from 0. */
public record AppointmentQuery(LocalDate from, LocalDate to, String advisor, String site, int page, int size) {
    public AppointmentQuery {
        page = Math.max(0, page);
        size = size <= 0 ? 50 : Math.min(size, 500);
    }
}
