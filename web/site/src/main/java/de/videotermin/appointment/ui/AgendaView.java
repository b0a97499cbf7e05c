package de.videotermin.appointment.ui;

import de.videotermin.appointment.boundary.Appointments;
import de.videotermin.appointment.boundary.BookedAppointment;
import de.videotermin.appointment.boundary.Booking;
import de.videotermin.appointment.boundary.Caller;
import de.videotermin.appointment.boundary.DoubleBookingException;
import de.videotermin.appointment.boundary.Sites;
import de.videotermin.appointment.entity.AppointmentClosedException;
import de.videotermin.appointment.entity.Site;
import de.videotermin.correspondence.boundary.Correspondence;
import de.videotermin.correspondence.entity.OutboxMessage;
import jakarta.annotation.PostConstruct;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import de.videotermin.appointment.entity.Appointment;
import de.videotermin.appointment.entity.AppointmentNotStartedException;
import de.videotermin.appointment.entity.LegalAreaEntry;
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

    @Inject
    Sites sites;

    @Inject
    Correspondence correspondence;

    private LocalDate date = LocalDate.now(SiteSettings.ZONE).plusDays(1);
    private LocalTime time = LocalTime.of(10, 0);
    private int durationMinutes = 30;
    private String citizenName;
    private String citizenEmail;
    private String legalArea = "CAREER_GUIDANCE";

    private String siteCode;
    private String topic;
    private String extraInfo;
    private String citizenLanguage = "de";
    private String postalAddress;
    private String range = "upcoming";
    private LocalDate anchor = LocalDate.now(SiteSettings.ZONE);
    private LocalDate moveDate;
    private LocalTime moveTime;
    private transient Map<UUID, List<OutboxMessage>> histories;

    private String newLink;
    private String newLinkCitizen;
    private List<Appointment> upcoming;

    /** The form suggests the advisor's next free slot tomorrow from 08:00, so two quick bookings do not collide. */
    @PostConstruct
    void suggestFreeSlot() {
        ZonedDateTime free = appointments.nextFreeStart(staff.advisorIdentity(),
                ZonedDateTime.of(LocalDate.now(SiteSettings.ZONE).plusDays(1), LocalTime.of(8, 0), SiteSettings.ZONE), durationMinutes);
        date = free.toLocalDate();
        time = free.toLocalTime();
    }

    public void book() {
        Booking booking = new Booking(ZonedDateTime.of(date, time, SiteSettings.ZONE), durationMinutes,
                citizenName, citizenEmail, legalArea, siteCode, topic, extraInfo, citizenLanguage, postalAddress);
        Set<ConstraintViolation<Booking>> violations = validator.validate(booking);
        if (!violations.isEmpty()) {
            violations.forEach(v -> Texts.error("booking:" + fieldId(v), "booking.invalid." + v.getPropertyPath()));
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        BookedAppointment booked;
        try {
            booked = appointments.book(booking, staff.advisorIdentity());
        } catch (DoubleBookingException e) {
            Texts.error("booking:time", "booking.doubleBooked", e.conflictStartsAt() == null ? ""
                    : startsAtInstant(e.conflictStartsAt()));
            FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        newLink = site.citizenLink(booked.linkToken());
        newLinkCitizen = booked.appointment().getCitizenName();
        citizenName = null;
        citizenEmail = null;
        topic = null;
        extraInfo = null;
        postalAddress = null;
        upcoming = null;
        suggestFreeSlot();
        Texts.info("booking.done", newLinkCitizen);
    }

    /** Issues a fresh link for an appointment; the old one stops working. */
    public void renewLink(String roomId) {
        Appointment appointment = appointments.ownedRoom(roomId, staff.advisorIdentity());
        newLink = site.citizenLink(appointments.renewLink(roomId, staff.advisorIdentity()));
        newLinkCitizen = appointment.getCitizenName();
        Texts.info("booking.linkRenewed", newLinkCitizen);
    }

    public void cancel(UUID id) {
        try {
            Appointment a = appointments.cancel(id, Caller.advisor(staff.advisorIdentity()));
            Texts.info("agenda.cancelled", a.getCitizenName());
        } catch (AppointmentClosedException e) {
            Texts.error(null, "agenda.closed");
        }
        upcoming = null;
    }

    public void reschedule(UUID id) {
        if (moveDate == null || moveTime == null) {
            Texts.error(null, "agenda.moveMissing");
            return;
        }
        try {
            Appointment a = appointments.reschedule(id, ZonedDateTime.of(moveDate, moveTime, SiteSettings.ZONE),
                    appointments.byId(id, Caller.advisor(staff.advisorIdentity())).getDurationMinutes(),
                    Caller.advisor(staff.advisorIdentity()));
            Texts.info("agenda.moved", a.getCitizenName(), startsAt(a));
        } catch (DoubleBookingException e) {
            Texts.error(null, "booking.doubleBooked", e.conflictStartsAt() == null ? "" : startsAtInstant(e.conflictStartsAt()));
        } catch (AppointmentClosedException e) {
            Texts.error(null, "agenda.closed");
        } catch (de.videotermin.appointment.boundary.InvalidScheduleException e) {
            Texts.error(null, "booking.invalid.startsAt");
        }
        upcoming = null;
        histories = null;
    }

    /** What was sent to the citizen about this appointment, and how it went. */
    public List<OutboxMessage> history(Appointment appointment) {
        if (histories == null) {
            histories = new HashMap<>();
        }
        return histories.computeIfAbsent(appointment.getId(), correspondence::history);
    }

    public String when(java.time.Instant instant) {
        return instant == null ? "" : startsAtInstant(instant);
    }

    private String startsAtInstant(java.time.Instant instant) {
        return site.formatDateTime(instant, FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    /** Day or week view: show the chosen range; previous and next move by a day or a week. */
    public void show() {
        upcoming = null;
    }

    public void previous() {
        anchor = "week".equals(range) ? anchor.minusWeeks(1) : anchor.minusDays(1);
        upcoming = null;
    }

    public void next() {
        anchor = "week".equals(range) ? anchor.plusWeeks(1) : anchor.plusDays(1);
        upcoming = null;
    }

    public List<Site> getSites() {
        return sites.active();
    }

    public List<Appointment> getUpcoming() {
        if (upcoming == null) {
            upcoming = switch (range) {
                case "day" -> appointments.between(staff.advisorIdentity(), anchor, anchor);
                case "week" -> appointments.between(staff.advisorIdentity(),
                        anchor.with(java.time.DayOfWeek.MONDAY), anchor.with(java.time.DayOfWeek.SUNDAY));
                default -> appointments.upcomingFor(staff.advisorIdentity());
            };
        }
        return upcoming;
    }

    public String startsAt(Appointment appointment) {
        return site.formatDateTime(appointment.getStartsAt(), FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    /** The legal areas offered for new appointments (the admin role keeps the list). */
    public List<LegalAreaEntry> getLegalAreas() {
        return sites.activeLegalAreas();
    }

    public boolean mayMarkNoShow(Appointment appointment) {
        return appointment.mayBeMarkedNoShow(java.time.Instant.now());
    }

    /** The citizen did not come: only after the start time (the button appears then). */
    public void markNoShow(UUID id) {
        try {
            Appointment a = appointments.markNoShow(id, Caller.advisor(staff.advisorIdentity()));
            de.videotermin.correspondence.ui.CorrespondenceTexts.info("agenda.markedNoShow", a.getCitizenName());
        } catch (AppointmentNotStartedException e) {
            de.videotermin.correspondence.ui.CorrespondenceTexts.error(null, "agenda.noShowTooEarly");
        } catch (AppointmentClosedException e) {
            Texts.error(null, "agenda.closed");
        }
        upcoming = null;
        histories = null;
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
    public String getLegalArea() { return legalArea; }
    public void setLegalArea(String legalArea) { this.legalArea = legalArea; }
    public String getNewLink() { return newLink; }
    public String getSiteCode() { return siteCode; }
    public void setSiteCode(String siteCode) { this.siteCode = siteCode; }
    public String getTopic() { return topic; }
    public void setTopic(String topic) { this.topic = topic; }
    public String getExtraInfo() { return extraInfo; }
    public void setExtraInfo(String extraInfo) { this.extraInfo = extraInfo; }
    public String getCitizenLanguage() { return citizenLanguage; }
    public void setCitizenLanguage(String citizenLanguage) { this.citizenLanguage = citizenLanguage; }
    public String getPostalAddress() { return postalAddress; }
    public void setPostalAddress(String postalAddress) { this.postalAddress = postalAddress; }
    public String getRange() { return range; }
    public void setRange(String range) { this.range = "day".equals(range) || "week".equals(range) ? range : "upcoming"; }
    public LocalDate getAnchor() { return anchor; }
    public void setAnchor(LocalDate anchor) { this.anchor = anchor == null ? LocalDate.now(SiteSettings.ZONE) : anchor; }
    public LocalDate getMoveDate() { return moveDate; }
    public void setMoveDate(LocalDate moveDate) { this.moveDate = moveDate; }
    public LocalTime getMoveTime() { return moveTime; }
    public void setMoveTime(LocalTime moveTime) { this.moveTime = moveTime; }
    public String getNewLinkCitizen() { return newLinkCitizen; }
}
