package de.videotermin.feedback.ui;

import de.videotermin.appointment.boundary.AppointmentNotFoundException;
import de.videotermin.appointment.boundary.Appointments;
import de.videotermin.appointment.entity.Appointment;
import de.videotermin.feedback.boundary.Outcomes;
import de.videotermin.feedback.entity.Outcome;
import de.videotermin.security.SignedInStaff;
import de.videotermin.site.SiteSettings;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** After the call the advisor records what became of their appointment (advisor/outcome.xhtml?room=…). */
@Named
@ViewScoped
public class OutcomeView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Outcomes outcomes;

    @Inject
    Appointments appointments;

    @Inject
    SignedInStaff staff;

    @Inject
    SiteSettings site;

    private String roomId;
    private boolean found;
    private String citizenName;
    private String startsAt;
    private String legalArea;
    private String outcome;

    @PostConstruct
    void load() {
        FacesContext context = FacesContext.getCurrentInstance();
        roomId = context.getExternalContext().getRequestParameterMap().get("room");
        try {
            Appointment appointment = appointments.ownedRoom(roomId, staff.advisorIdentity());
            citizenName = appointment.getCitizenName();
            startsAt = site.formatDateTime(appointment.getStartsAt(), context.getViewRoot().getLocale());
            legalArea = appointment.getLegalArea();
            outcome = outcomes.recorded(roomId, staff.advisorIdentity()).map(Enum::name).orElse(null);
            found = true;
        } catch (AppointmentNotFoundException e) {
            found = false;
        }
    }

    public List<String> getChoices() {
        return java.util.Arrays.stream(Outcome.values()).map(Enum::name).toList();
    }

    public void save() {
        if (!found) {
            return;
        }
        if (outcome == null) {
            FeedbackTexts.add(FacesMessage.SEVERITY_ERROR, "outcome.required");
            return;
        }
        try {
            outcomes.record(roomId, Outcome.valueOf(outcome), staff.advisorIdentity());
            FeedbackTexts.add(FacesMessage.SEVERITY_INFO, "outcome.saved");
        } catch (AppointmentNotFoundException | IllegalArgumentException e) {
            FeedbackTexts.add(FacesMessage.SEVERITY_ERROR, "outcome.notFound");
        }
    }

    public boolean isFound() { return found; }
    public String getCitizenName() { return citizenName; }
    public String getStartsAt() { return startsAt; }
    public String getLegalArea() { return legalArea; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
}
