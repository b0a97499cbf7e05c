package de.videotermin.consultation.ui;

import de.videotermin.appointment.boundary.AppointmentNotFoundException;
import de.videotermin.appointment.boundary.Appointments;
import de.videotermin.appointment.entity.Appointment;
import de.videotermin.consultation.boundary.DeviceChecks;
import de.videotermin.consultation.boundary.JoinTickets;
import de.videotermin.consultation.entity.DeviceCheck;
import de.videotermin.security.SignedInStaff;
import de.videotermin.site.SiteSettings;
import de.videotermin.site.Texts;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/** advisor/room.xhtml: the advisor's side of the consultation. */
@Named
@RequestScoped
public class AdvisorRoomView {

    @Inject
    JoinTickets tickets;

    @Inject
    Appointments appointments;

    @Inject
    SignedInStaff staff;

    @Inject
    SiteSettings site;

    @Inject
    DeviceChecks deviceChecks;

    @Inject
    de.videotermin.consent.boundary.Consents consents;

    @Inject
    de.videotermin.consultation.boundary.Guests guests;

    private String roomId;
    private String guestId = "";
    private String guestParticipantId = "";
    private String guestName = "";
    private String guestKind = "";
    private String consentSummary;
    private DeviceCheck deviceCheck;
    private String deviceCheckedAt;

    private RoomPage page;
    private String citizenName;
    private String startsAt;

    @PostConstruct
    void load() {
        FacesContext context = FacesContext.getCurrentInstance();
        Map<String, String> params = context.getExternalContext().getRequestParameterMap();
        String roomId = params.get("room");
        if (roomId == null || !roomId.matches("[A-Za-z0-9_-]{1,64}")) {
            return;
        }
        try {
            Appointment appointment = appointments.ownedRoom(roomId, staff.advisorIdentity());
            citizenName = appointment.getCitizenName();
            consents.ledger(appointment.getId()).stream().findFirst().ifPresent(record -> consentSummary =
                    Texts.get("receipt.consent." + record.getDecision().name(), record.getText().getVersion(),
                            site.formatDateTime(record.getGivenAt(), context.getViewRoot().getLocale()))
                    + (record.getWithdrawnAt() == null ? "" : " " + Texts.get("receipt.withdrawnOn",
                            site.formatDateTime(record.getWithdrawnAt(), context.getViewRoot().getLocale()))));
            deviceChecks.latest(appointment.getId()).ifPresent(check -> {
                deviceCheck = check;
                deviceCheckedAt = site.formatDateTime(check.getCheckedAt(), context.getViewRoot().getLocale());
            });
            startsAt = site.formatDateTime(appointment.getStartsAt(), context.getViewRoot().getLocale());
            this.roomId = roomId;
            guests.current(roomId, staff.advisorIdentity()).ifPresent(guest -> {
                guestId = guest.getId().toString();
                guestParticipantId = guest.getParticipantId();
                guestName = guest.getDisplayName();
                guestKind = guest.getKind().name();
            });
            HttpServletRequest request = (HttpServletRequest) context.getExternalContext().getRequest();
            page = RoomPage.of(tickets.forAdvisor(roomId, staff.advisorIdentity()),
                    site.signallingUrl(request, roomId), params.get("ice"),
                    request.getContextPath() + "/advisor/outcome.xhtml?room=" + roomId);
        } catch (AppointmentNotFoundException e) {
            page = null;
        }
    }

    public boolean isFound() { return page != null; }
    public String getRoomId() { return roomId; }
    public String getGuestId() { return guestId; }
    public String getGuestParticipantId() { return guestParticipantId; }
    public String getGuestName() { return guestName; }
    public String getGuestKind() { return guestKind; }
    public DeviceCheck getDeviceCheck() { return deviceCheck; }
    public String getConsentSummary() { return consentSummary; }
    public String getDeviceCheckedAt() { return deviceCheckedAt; }
    public RoomPage getPage() { return page; }
    public String getCitizenName() { return citizenName; }
    public String getStartsAt() { return startsAt; }
}
