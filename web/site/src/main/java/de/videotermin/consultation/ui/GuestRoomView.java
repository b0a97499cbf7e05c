package de.videotermin.consultation.ui;

import de.videotermin.appointment.boundary.AppointmentNotFoundException;
import de.videotermin.consent.boundary.ConsentRequiredException;
import de.videotermin.consultation.boundary.GuestLinkClosedException;
import de.videotermin.consultation.boundary.Guests;
import de.videotermin.consultation.boundary.JoinTickets;
import de.videotermin.consultation.boundary.RoomNotOpenException;
import de.videotermin.consultation.entity.GuestInvitation;
import de.videotermin.site.LinkGuard;
import de.videotermin.site.SiteSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;

/** guest/room.xhtml: the invited guest's side of the room; only with the guest's own consent. */
@Named
@RequestScoped
public class GuestRoomView {

    public enum Outcome { READY, NOT_FOUND, WITHDRAWN, CONSENT_REQUIRED, NOT_OPEN, TOO_MANY_ATTEMPTS }

    @Inject
    JoinTickets tickets;

    @Inject
    Guests guests;

    @Inject
    SiteSettings site;

    @Inject
    LinkGuard guard;

    private Outcome outcome = Outcome.NOT_FOUND;
    private RoomPage page;
    private String advisorName;
    private String startsAtIso;

    @PostConstruct
    void load() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        Map<String, String> params = external.getRequestParameterMap();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        String token = params.get("g");
        if (!guard.mayLookUp(request)) {
            response.setStatus(429);
            outcome = Outcome.TOO_MANY_ATTEMPTS;
            return;
        }
        try {
            GuestInvitation guest = guests.byLinkToken(token);
            var appointment = guests.appointmentOf(guest);
            advisorName = appointment.getAdvisorName();
            startsAtIso = appointment.getStartsAt().toString();
            page = RoomPage.of(tickets.forGuest(token), site.signallingUrl(request, appointment.getRoomId()),
                    params.get("ice"), request.getContextPath() + "/g/" + token);
            outcome = Outcome.READY;
        } catch (AppointmentNotFoundException e) {
            guard.recordFailure(request);
            response.setStatus(404);
            outcome = Outcome.NOT_FOUND;
        } catch (GuestLinkClosedException e) {
            response.setStatus(410);
            outcome = Outcome.WITHDRAWN;
        } catch (ConsentRequiredException e) {
            outcome = Outcome.CONSENT_REQUIRED;
        } catch (RoomNotOpenException e) {
            outcome = Outcome.NOT_OPEN;
        }
    }

    public String getOutcome() { return outcome.name(); }
    public RoomPage getPage() { return page; }
    public String getAdvisorName() { return advisorName; }
    public String getStartsAtIso() { return startsAtIso; }
}
