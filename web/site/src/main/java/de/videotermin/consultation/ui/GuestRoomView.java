package de.videotermin.consultation.ui;

import de.videotermin.consent.boundary.ConsentRequiredException;
import de.videotermin.consultation.boundary.GuestLinkClosedException;
import de.videotermin.consultation.boundary.JoinTickets;
import de.videotermin.consultation.boundary.RoomNotOpenException;
import de.videotermin.site.SiteSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/** guest/room.xhtml: the invited guest's side of the room; only with the guest's own consent. */
@Named
@RequestScoped
public class GuestRoomView {

    public enum Outcome { READY, NOT_FOUND, WITHDRAWN, CONSENT_REQUIRED, NOT_OPEN, TOO_MANY_ATTEMPTS }

    @Inject
    JoinTickets tickets;

    @Inject
    SiteSettings site;

    @Inject
    GuestLinks links;

    private Outcome outcome = Outcome.NOT_FOUND;
    private RoomPage page;
    private String advisorName;
    private String startsAtIso;

    @PostConstruct
    void load() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        Map<String, String> params = external.getRequestParameterMap();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String token = params.get("g");
        GuestLinks.Lookup lookup = links.lookUp(token);
        if (!lookup.found()) {
            outcome = Outcome.valueOf(lookup.failure().name());
            return;
        }
        try {
            var appointment = lookup.appointment();
            advisorName = appointment.getAdvisorName();
            startsAtIso = appointment.getStartsAt().toString();
            page = RoomPage.of(tickets.forGuest(token), site.signallingUrl(request, appointment.getRoomId()),
                    params.get("ice"), request.getContextPath() + "/g/" + token);
            outcome = Outcome.READY;
        } catch (GuestLinkClosedException e) { // withdrawn by the advisor a moment ago
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
