package de.videotermin.appointment.ui;

import de.videotermin.appointment.boundary.AppointmentNotFoundException;
import de.videotermin.appointment.boundary.Appointments;
import de.videotermin.appointment.entity.Appointment;
import de.videotermin.appointment.entity.AppointmentClosedException;
import de.videotermin.site.SiteSettings;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ResourceBundle;

/** citizen/manage.xhtml?t=TOKEN: the citizen cancels, or asks for another time, from their personal link. */
@Named
@ViewScoped
public class CitizenManageView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Appointments appointments;

    @Inject
    SiteSettings site;

    private String token;
    private String message;
    private boolean known;
    private boolean open;
    private String when;
    private String advisorName;

    @PostConstruct
    void init() {
        token = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("t");
        load();
    }

    void load() {
        try {
            Appointment a = appointments.byLinkToken(token);
            known = true;
            open = a.getStatus().isOpen();
            when = site.formatDateTime(a.getStartsAt(), FacesContext.getCurrentInstance().getViewRoot().getLocale());
            advisorName = a.getAdvisorName();
        } catch (AppointmentNotFoundException e) {
            known = false;
        }
    }

    public void cancel() {
        try {
            appointments.cancelByCitizen(token);
            info("manage.cancelled");
        } catch (AppointmentClosedException e) {
            error("manage.closed");
        } catch (AppointmentNotFoundException e) {
            error("manage.unknown");
        }
        load();
    }

    public void requestOtherTime() {
        if (message == null || message.isBlank() || message.length() > 500) {
            FacesContext.getCurrentInstance().addMessage("request:message",
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, text("manage.requestMissing"), null));
            return;
        }
        try {
            appointments.requestOtherTime(token, message);
            message = null;
            info("manage.requestSent");
        } catch (AppointmentClosedException e) {
            error("manage.closed");
        }
        load();
    }

    private static String text(String key) {
        FacesContext c = FacesContext.getCurrentInstance();
        return ResourceBundle.getBundle("de.videotermin.correspondence.ui.CorrespondenceMessages", c.getViewRoot().getLocale()).getString(key);
    }

    private static void info(String key) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key), null));
    }

    private static void error(String key) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key), null));
    }

    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public String getMessage() { return message; }
    public void setMessage(String message) { this.message = message; }
    public boolean isKnown() { return known; }
    public boolean isOpen() { return open; }
    public String getWhen() { return when; }
    public String getAdvisorName() { return advisorName; }
}
