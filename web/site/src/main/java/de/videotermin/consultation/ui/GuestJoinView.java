package de.videotermin.consultation.ui;

import de.videotermin.appointment.entity.Appointment;
import de.videotermin.consent.boundary.Consents;
import de.videotermin.consent.ui.EntryOffer;
import de.videotermin.consultation.boundary.JoinTickets;
import de.videotermin.consultation.entity.GuestInvitation;
import de.videotermin.site.SiteSettings;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;
import java.util.UUID;

/**
 * guest/join.xhtml: an invited guest (interpreter, relative, colleague) sees the appointment, gives
 * their own consent, may test their devices, and enters the room, where the advisor admits them. The
 * citizen's three clicks: consent, optional device test, room.
 */
@Named
@ViewScoped
public class GuestJoinView implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum Outcome { OPEN, NOT_YET_OPEN, EXPIRED, CANCELLED, FINISHED, UNKNOWN, WITHDRAWN, TOO_MANY_ATTEMPTS }

    @Inject
    transient JoinTickets tickets;

    @Inject
    transient Consents consents;

    @Inject
    transient SiteSettings site;

    @Inject
    transient GuestLinks links;

    private String token;
    private Outcome outcome = Outcome.UNKNOWN;
    private UUID appointmentId;
    private UUID guestId;
    private String guestName;
    private String guestKind;
    private EntryOffer offer;
    private boolean consented;

    @PostConstruct
    void load() {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        token = external.getRequestParameterMap().get("g");
        GuestLinks.Lookup lookup = links.lookUp(token);
        if (!lookup.found()) {
            outcome = lookup.failure() == GuestLinks.Failure.NOT_FOUND ? Outcome.UNKNOWN : Outcome.valueOf(lookup.failure().name());
            return;
        }
        GuestInvitation guest = lookup.guest();
        Appointment appointment = lookup.appointment();
        Locale locale = context.getViewRoot().getLocale();
        appointmentId = appointment.getId();
        guestId = guest.getId();
        guestName = guest.getDisplayName();
        guestKind = guest.getKind().name();
        offer = EntryOffer.of(appointment, locale, consents, tickets, site);
        outcome = Outcome.valueOf(offer.entryState());
        consented = consents.hasValidGuestConsent(guestId);
    }

    /** Click 1: the guest's own consent to exactly the text version shown; then the optional device test. */
    public void consent() throws IOException {
        if (outcome != Outcome.OPEN) {
            return;
        }
        consents.giveAsGuest(appointmentId, guestId, offer.consentTextId(), Consents.CHANNEL_WEB);
        consented = true;
        toDeviceTest();
    }

    /** Click 2 (optional): camera, microphone, speaker and connection, like the citizen's test. */
    public void toDeviceTest() throws IOException {
        redirect("/guest/devices.xhtml?g=" + token);
    }

    public void enter() throws IOException {
        redirect("/guest/room.xhtml?g=" + token);
    }

    private void redirect(String path) throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + path);
    }

    public boolean isFound() {
        return outcome != Outcome.UNKNOWN && outcome != Outcome.TOO_MANY_ATTEMPTS && outcome != Outcome.WITHDRAWN;
    }

    public String getOutcome() { return outcome.name(); }
    public String getGuestName() { return guestName; }
    public String getGuestKind() { return guestKind; }
    public String getAdvisorName() { return offer == null ? null : offer.advisorName(); }
    public String getStartsAt() { return offer == null ? null : offer.startsAt(); }
    public String getOpensAt() { return offer == null ? null : offer.opensAt(); }
    public int getConsentVersion() { return offer == null ? 0 : offer.consentVersion(); }
    public String getConsentBody() { return offer == null ? null : offer.consentBody(); }
    public boolean isConsented() { return consented; }
}
