package de.videotermin.consent.ui;

import de.videotermin.appointment.boundary.AppointmentNotFoundException;
import de.videotermin.appointment.boundary.Appointments;
import de.videotermin.appointment.entity.Appointment;
import de.videotermin.consent.boundary.Consents;
import de.videotermin.consent.entity.ConsentText;
import de.videotermin.site.SiteSettings;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.UUID;

/**
 * The page behind the citizen's link (citizen/appointment.xhtml): the appointment, the consent text,
 * and the one button that records consent and leads on to the room.
 */
@Named
@ViewScoped
public class CitizenAppointmentView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Appointments appointments;

    @Inject
    Consents consents;

    @Inject
    SiteSettings site;

    private String token;
    private boolean found;
    private UUID appointmentId;
    private String advisorName;
    private String startsAt;
    private String legalArea;
    private int durationMinutes;
    private long consentTextId;
    private int consentVersion;
    private String consentBody;
    private boolean consented;

    @PostConstruct
    void load() {
        FacesContext context = FacesContext.getCurrentInstance();
        token = context.getExternalContext().getRequestParameterMap().get("t");
        try {
            Appointment appointment = appointments.byLinkToken(token);
            found = true;
            appointmentId = appointment.getId();
            advisorName = appointment.getAdvisorName();
            startsAt = site.formatDateTime(appointment.getStartsAt(), context.getViewRoot().getLocale());
            legalArea = appointment.getLegalArea().name();
            durationMinutes = appointment.getDurationMinutes();
            ConsentText text = consents.currentText(context.getViewRoot().getLocale());
            consentTextId = text.getId();
            consentVersion = text.getVersion();
            consentBody = text.getBody();
            consented = consents.hasValidConsent(appointmentId);
        } catch (AppointmentNotFoundException e) {
            found = false;
        }
    }

    /** Click 1: consent to the text version shown, then on to the room. */
    public void consent() throws IOException {
        if (!found) {
            return;
        }
        consents.give(appointmentId, consentTextId, Consents.CHANNEL_WEB);
        consented = true;
        enter();
    }

    public void enter() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/citizen/room.xhtml?t=" + token);
    }

    public boolean isFound() { return found; }
    public String getAdvisorName() { return advisorName; }
    public String getStartsAt() { return startsAt; }
    public String getLegalArea() { return legalArea; }
    public int getDurationMinutes() { return durationMinutes; }
    public int getConsentVersion() { return consentVersion; }
    public String getConsentBody() { return consentBody; }
    public boolean isConsented() { return consented; }
}
