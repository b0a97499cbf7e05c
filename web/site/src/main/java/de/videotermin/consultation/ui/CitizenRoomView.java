package de.videotermin.consultation.ui;

import de.videotermin.appointment.boundary.AppointmentNotFoundException;
import de.videotermin.appointment.boundary.Appointments;
import de.videotermin.appointment.entity.Appointment;
import de.videotermin.consent.boundary.ConsentRequiredException;
import de.videotermin.consultation.boundary.JoinTickets;
import de.videotermin.consultation.boundary.RoomNotOpenException;
import de.videotermin.site.SiteSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/** citizen/room.xhtml: the citizen's side; only with a valid consent in the ledger. */
@Named
@RequestScoped
public class CitizenRoomView {

    public enum Outcome { READY, NOT_FOUND, CONSENT_REQUIRED, NOT_OPEN }

    @Inject
    JoinTickets tickets;

    @Inject
    Appointments appointments;

    @Inject
    SiteSettings site;

    @Inject
    de.videotermin.site.LinkGuard guard;

    private Outcome outcome = Outcome.NOT_FOUND;
    private RoomPage page;
    private String advisorName;
    private String linkPath;
    private String startsAtIso;

    @PostConstruct
    void load() {
        FacesContext context = FacesContext.getCurrentInstance();
        Map<String, String> params = context.getExternalContext().getRequestParameterMap();
        String token = params.get("t");
        if (!guard.mayLookUp((HttpServletRequest) context.getExternalContext().getRequest())) {
            ((jakarta.servlet.http.HttpServletResponse) context.getExternalContext().getResponse()).setStatus(429);
            return;
        }
        try {
            Appointment appointment = appointments.byLinkToken(token);
            advisorName = appointment.getAdvisorName();
            HttpServletRequest request = (HttpServletRequest) context.getExternalContext().getRequest();
            linkPath = request.getContextPath() + "/t/" + token;
            // After the call: the short, optional survey (feedback component).
            page = RoomPage.of(tickets.forCitizen(token), site.signallingUrl(request, appointment.getRoomId()),
                    params.get("ice"), request.getContextPath() + "/citizen/feedback.xhtml?t=" + token);
            startsAtIso = appointment.getStartsAt().toString();
            outcome = Outcome.READY;
        } catch (AppointmentNotFoundException e) {
            outcome = Outcome.NOT_FOUND;
            HttpServletRequest request = (HttpServletRequest) context.getExternalContext().getRequest();
            guard.recordFailure(request);
            ((jakarta.servlet.http.HttpServletResponse) context.getExternalContext().getResponse()).setStatus(404);
        } catch (ConsentRequiredException e) {
            outcome = Outcome.CONSENT_REQUIRED;
        } catch (RoomNotOpenException e) {
            // The link page explains why (too early, expired, cancelled, held).
            outcome = Outcome.NOT_OPEN;
        }
    }

    public String getOutcome() { return outcome.name(); }
    public RoomPage getPage() { return page; }
    public String getAdvisorName() { return advisorName; }
    public String getLinkPath() { return linkPath; }
    public String getStartsAtIso() { return startsAtIso; }
}
