package de.videotermin.consultation.ui;

import de.videotermin.consultation.boundary.JoinTickets;
import de.videotermin.consultation.control.EntryWindow;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.bind.JsonbBuilder;

/**
 * guest/devices.xhtml: click 2 of an invited guest's way in (consent, optional device test, room), the
 * same test as the citizen's (WEB-INF/includes/device-test.xhtml), reporting to /guest/device-check.
 * Before the room opens it is a rehearsal: nothing leads into a room yet.
 */
@Named
@RequestScoped
public class GuestDeviceTestView {

    @Inject
    GuestLinks links;

    @Inject
    JoinTickets tickets;

    private String outcome;
    private boolean roomOpen;
    private String token;
    private String iceServersJson;

    @PostConstruct
    void load() {
        token = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("g");
        GuestLinks.Lookup lookup = links.lookUp(token);
        if (!lookup.found()) {
            outcome = lookup.failure().name();
            return;
        }
        roomOpen = tickets.entryState(lookup.appointment()) == EntryWindow.State.OPEN;
        iceServersJson = JsonbBuilder.create().toJson(tickets.iceServersForGuestDeviceTest(token));
        outcome = "READY";
    }

    public String getOutcome() { return outcome; }
    public boolean isRehearsal() { return !roomOpen; }
    public boolean isRoomOpen() { return roomOpen; }
    public String getToken() { return token; }
    public String getIceServersJson() { return iceServersJson; }
}
