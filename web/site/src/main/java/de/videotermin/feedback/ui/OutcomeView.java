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
    private List<CallSummary> calls = List.of();

    /** One call of the appointment as the advisor sees it afterwards: technical facts only, no content. */
    public record CallSummary(String startedAt, String duration, String connection, int reconnects, int qualityChanges,
                              boolean lowQualityUsed, boolean audioOnlyUsed, String firstFrame) {
    }

    @Inject
    de.videotermin.consultation.boundary.CallRecords callRecords;

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
            java.util.Locale locale = context.getViewRoot().getLocale();
            calls = callRecords.forAppointment(appointment.getId()).stream().map(call -> new CallSummary(
                    site.formatDateTime(call.getStartedAt(), locale),
                    call.getDurationSeconds() == null ? "–" : (call.getDurationSeconds() / 60) + " min " + (call.getDurationSeconds() % 60) + " s",
                    call.getConnectionType() == null ? "NONE" : call.getConnectionType(),
                    call.getReconnects(), call.getQualityChanges(), call.isLowQualityUsed(), call.isAudioOnlyUsed(),
                    call.getFirstFrameMs() == null ? "–" : String.format(locale, "%.1f s", call.getFirstFrameMs() / 1000.0)))
                    .toList();
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
    public List<CallSummary> getCalls() { return calls; }
    public String getCitizenName() { return citizenName; }
    public String getStartsAt() { return startsAt; }
    public String getLegalArea() { return legalArea; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
}
