package de.videotermin.appointment.ui;

import de.videotermin.appointment.boundary.Appointments;
import de.videotermin.appointment.boundary.BookedAppointment;
import de.videotermin.appointment.boundary.Booking;
import de.videotermin.appointment.entity.Appointment;
import de.videotermin.appointment.entity.LegalArea;
import de.videotermin.security.SignedInStaff;
import de.videotermin.site.SiteSettings;
import de.videotermin.site.Texts;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

/** The advisor's start page (advisor/index.xhtml): book a consultation, see what is coming, open a room. */
@Named
@ViewScoped
public class AgendaView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Appointments appointments;

    @Inject
    SignedInStaff staff;

    @Inject
    SiteSettings site;

    @Inject
    transient Validator validator;

    private LocalDate date = LocalDate.now(SiteSettings.ZONE).plusDays(1);
    private LocalTime time = LocalTime.of(10, 0);
    private int durationMinutes = 30;
    private String citizenName;
    private String citizenEmail;
    private LegalArea legalArea = LegalArea.CAREER_GUIDANCE;

    private String newLink;
    private String newLinkCitizen;
    private List<Appointment> upcoming;

    public void book() {
        Booking booking = new Booking(ZonedDateTime.of(date, time, SiteSettings.ZONE), durationMinutes,
                citizenName, citizenEmail, legalArea);
        Set<ConstraintViolation<Booking>> violations = validator.validate(booking);
        if (!violations.isEmpty()) {
            violations.forEach(v -> Texts.error("booking:" + fieldId(v), "booking.invalid." + v.getPropertyPath()));
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        BookedAppointment booked = appointments.book(booking, staff.advisorIdentity());
        newLink = site.citizenLink(booked.linkToken());
        newLinkCitizen = booked.appointment().getCitizenName();
        citizenName = null;
        citizenEmail = null;
        upcoming = null;
        Texts.info("booking.done", newLinkCitizen);
    }

    /** Issues a fresh link for an appointment; the old one stops working. */
    public void renewLink(String roomId) {
        Appointment appointment = appointments.ownedRoom(roomId, staff.advisorIdentity());
        newLink = site.citizenLink(appointments.renewLink(roomId, staff.advisorIdentity()));
        newLinkCitizen = appointment.getCitizenName();
        Texts.info("booking.linkRenewed", newLinkCitizen);
    }

    public List<Appointment> getUpcoming() {
        if (upcoming == null) {
            upcoming = appointments.upcomingFor(staff.advisorIdentity());
        }
        return upcoming;
    }

    public String startsAt(Appointment appointment) {
        return site.formatDateTime(appointment.getStartsAt(), FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public LegalArea[] getLegalAreas() {
        return LegalArea.values();
    }

    private static String fieldId(ConstraintViolation<Booking> violation) {
        String property = violation.getPropertyPath().toString();
        return switch (property) {
            case "startsAt" -> "date";
            default -> property;
        };
    }

    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public LocalTime getTime() { return time; }
    public void setTime(LocalTime time) { this.time = time; }
    public int getDurationMinutes() { return durationMinutes; }
    public void setDurationMinutes(int durationMinutes) { this.durationMinutes = durationMinutes; }
    public String getCitizenName() { return citizenName; }
    public void setCitizenName(String citizenName) { this.citizenName = citizenName; }
    public String getCitizenEmail() { return citizenEmail; }
    public void setCitizenEmail(String citizenEmail) { this.citizenEmail = citizenEmail; }
    public LegalArea getLegalArea() { return legalArea; }
    public void setLegalArea(LegalArea legalArea) { this.legalArea = legalArea; }
    public String getNewLink() { return newLink; }
    public String getNewLinkCitizen() { return newLinkCitizen; }
}
