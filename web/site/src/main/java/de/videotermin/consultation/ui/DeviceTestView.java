package de.videotermin.consultation.ui;

import de.videotermin.appointment.boundary.AppointmentNotFoundException;
import de.videotermin.appointment.boundary.Appointments;
import de.videotermin.appointment.entity.Appointment;
import de.videotermin.consultation.boundary.JoinTickets;
import de.videotermin.consultation.control.EntryWindow;
import de.videotermin.site.LinkGuard;
import de.videotermin.site.SiteSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * citizen/devices.xhtml: click 2, the optional device test — or, days before, the rehearsal.
 * Camera, microphone and speaker checks happen in the browser; the network check is a loopback
 * call through our own TURN server, so it tests exactly the path a relayed call would take.
 */
@Named
@RequestScoped
public class DeviceTestView {

    @Inject
    Appointments appointments;

    @Inject
    JoinTickets tickets;

    @Inject
    SiteSettings site;

    @Inject
    LinkGuard guard;

    private boolean found;
    private boolean rehearsal;
    private boolean roomOpen;
    private String token;
    private String iceServersJson;
    private String advisorName;
    private String startsAt;

    @PostConstruct
    void load() {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        token = external.getRequestParameterMap().get("t");
        LinkGuard.Lookup lookup = guard.lookUp(token);
        if (lookup.found()) {
            Appointment appointment = lookup.appointment();
            found = true;
            roomOpen = tickets.entryState(appointment) == EntryWindow.State.OPEN;
            rehearsal = "rehearsal".equals(external.getRequestParameterMap().get("mode")) || !roomOpen;
            iceServersJson = JsonbBuilder.create().toJson(tickets.iceServersForDeviceTest(token));
            advisorName = appointment.getAdvisorName();
            startsAt = site.formatDateTime(appointment.getStartsAt(), context.getViewRoot().getLocale());
        }
    }

    public boolean isFound() { return found; }
    public boolean isRehearsal() { return rehearsal; }
    public boolean isRoomOpen() { return roomOpen; }
    public String getToken() { return token; }
    public String getIceServersJson() { return iceServersJson; }
    public String getAdvisorName() { return advisorName; }
    public String getStartsAt() { return startsAt; }
}
