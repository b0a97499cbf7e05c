package de.videotermin.consent.ui;

import de.videotermin.appointment.boundary.AppointmentNotFoundException;
import de.videotermin.appointment.boundary.Appointments;
import de.videotermin.appointment.entity.Appointment;
import de.videotermin.consent.boundary.Consents;
import de.videotermin.consultation.boundary.JoinTickets;
import de.videotermin.consultation.control.EntryWindow;
import de.videotermin.site.LinkGuard;
import de.videotermin.site.SiteSettings;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;
import java.util.UUID;

/**
 * The page behind the citizen's link (citizen/appointment.xhtml). Shows only what the citizen
 * needs, says plainly when the link does not open the room (not yet, expired, cancelled, held,
 * unknown), and carries click 1: consent (or declining, which leads to the alternatives).
 */
@Named
@ViewScoped
public class CitizenAppointmentView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What the page shows. */
    public enum Outcome { OPEN, NOT_YET_OPEN, EXPIRED, CANCELLED, FINISHED, UNKNOWN, TOO_MANY_ATTEMPTS, DECLINED }

    @Inject
    Appointments appointments;

    @Inject
    Consents consents;

    @Inject
    JoinTickets tickets;

    @Inject
    SiteSettings site;

    @Inject
    LinkGuard guard;

    private String token;
    private Outcome outcome = Outcome.UNKNOWN;
    private UUID appointmentId;
    private EntryOffer offer;
    private String legalArea;
    private int durationMinutes;
    private boolean consented;

    @PostConstruct
    void load() {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        token = external.getRequestParameterMap().get("t");
        LinkGuard.Lookup lookup = guard.lookUp(token);
        if (lookup.blocked()) {
            outcome = Outcome.TOO_MANY_ATTEMPTS;
            return;
        }
        if (!lookup.found()) {
            outcome = Outcome.UNKNOWN;
            return;
        }
        Appointment appointment = lookup.appointment();
        Locale locale = context.getViewRoot().getLocale();
        appointmentId = appointment.getId();
        offer = EntryOffer.of(appointment, locale, consents, tickets, site);
        legalArea = appointment.getLegalArea();
        durationMinutes = appointment.getDurationMinutes();
        outcome = Outcome.valueOf(offer.entryState());
        consented = consents.hasValidConsent(appointmentId);
    }

    /** Click 1: consent to exactly the text version shown, then on to the optional device test. */
    public void consent() throws IOException {
        if (outcome != Outcome.OPEN) {
            return;
        }
        consents.give(appointmentId, offer.consentTextId(), Consents.CHANNEL_WEB);
        consented = true;
        toDeviceTest();
    }

    /** Declining is recorded as well and leads to the alternatives. */
    public void decline() {
        if (outcome != Outcome.OPEN && outcome != Outcome.NOT_YET_OPEN) {
            return;
        }
        consents.decline(appointmentId, offer.consentTextId(), Consents.CHANNEL_WEB);
        outcome = Outcome.DECLINED;
    }

    public void toDeviceTest() throws IOException {
        redirect("/citizen/devices.xhtml?t=" + token);
    }

    public void rehearse() throws IOException {
        redirect("/citizen/devices.xhtml?mode=rehearsal&t=" + token);
    }

    public void enter() throws IOException {
        redirect("/citizen/room.xhtml?t=" + token);
    }

    private void redirect(String path) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + path);
    }

    public boolean isFound() { return outcome != Outcome.UNKNOWN && outcome != Outcome.TOO_MANY_ATTEMPTS; }
    public String getOutcome() { return outcome.name(); }
    public String getAdvisorName() { return offer == null ? null : offer.advisorName(); }
    public String getStartsAt() { return offer == null ? null : offer.startsAt(); }
    public String getOpensAt() { return offer == null ? null : offer.opensAt(); }
    public String getLegalArea() { return legalArea; }
    public int getDurationMinutes() { return durationMinutes; }
    public int getConsentVersion() { return offer == null ? 0 : offer.consentVersion(); }
    public String getConsentBody() { return offer == null ? null : offer.consentBody(); }
    public boolean isConsented() { return consented; }
}
