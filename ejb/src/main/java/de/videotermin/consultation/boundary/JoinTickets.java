package de.videotermin.consultation.boundary;

import de.videotermin.appointment.boundary.AdvisorIdentity;
import de.videotermin.appointment.boundary.Appointments;
import de.videotermin.appointment.entity.Appointment;
import de.videotermin.consent.boundary.ConsentRequiredException;
import de.videotermin.consent.boundary.Consents;
import de.videotermin.consultation.control.EntryWindow;
import de.videotermin.consultation.control.TurnCredentials;
import de.videotermin.consultation.entity.GuestInvitation;
import de.videotermin.consultation.ticket.JoinTicket;
import de.videotermin.consultation.ticket.Role;
import de.videotermin.consultation.ticket.TicketSigner;
import jakarta.annotation.PostConstruct;
import de.videotermin.audit.boundary.Audited;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues join tickets: to the advisor who holds the appointment, and to the citizen only while a
 * valid consent is in the ledger. The ticket is what the signalling endpoint checks.
 */
@Stateless
public class JoinTickets {

    @Inject
    Appointments appointments;

    @Inject
    Consents consents;

    @Inject
    Guests guests;

    @Inject
    @ConfigProperty(name = "videotermin.ticket.secret")
    String ticketSecret;

    @Inject
    @ConfigProperty(name = "videotermin.ticket.validity-seconds", defaultValue = "120")
    long ticketValiditySeconds;

    @Inject
    @ConfigProperty(name = "videotermin.turn.secret")
    String turnSecret;

    @Inject
    @ConfigProperty(name = "videotermin.turn.urls")
    String turnUrls;

    @Inject
    @ConfigProperty(name = "videotermin.turn.credential-validity-seconds", defaultValue = "3600")
    long turnValiditySeconds;

    @Inject
    @ConfigProperty(name = "videotermin.citizen.entry-opens-minutes-before", defaultValue = "30")
    long entryOpensMinutesBefore;

    @Inject
    @ConfigProperty(name = "videotermin.citizen.entry-grace-minutes-after", defaultValue = "30")
    long entryGraceMinutesAfter;

    private final Clock clock = Clock.systemUTC();
    private TicketSigner signer;

    @PostConstruct
    void init() {
        signer = new TicketSigner(ticketSecret, clock);
    }

    @Audited("room.opened")
    public RoomAccess forAdvisor(String roomId, AdvisorIdentity advisor) {
        Appointment appointment = appointments.ownedRoom(roomId, advisor);
        return access(appointment, Role.ADVISOR, "advisor-" + advisor.username(), advisor.displayName());
    }

    public RoomAccess forCitizen(String linkToken) {
        Appointment appointment = appointments.byLinkToken(linkToken);
        EntryWindow.State state = entryState(appointment);
        if (state != EntryWindow.State.OPEN) {
            throw new RoomNotOpenException(state);
        }
        if (!consents.hasValidConsent(appointment.getId())) {
            throw new ConsentRequiredException();
        }
        appointments.citizenWaiting(appointment.getId());
        return access(appointment, Role.CITIZEN, "citizen", appointment.getCitizenName());
    }

    /**
     * A ticket for an invited guest: only while the invitation stands, the room is open, and the
     * guest's own consent is in the ledger. The guest waits for admission like the citizen.
     */
    public RoomAccess forGuest(String guestToken) {
        GuestInvitation guest = guests.byLinkToken(guestToken);
        Appointment appointment = guests.appointmentOf(guest);
        EntryWindow.State state = entryState(appointment);
        if (state != EntryWindow.State.OPEN) {
            throw new RoomNotOpenException(state);
        }
        if (!consents.hasValidGuestConsent(guest.getId())) {
            throw new ConsentRequiredException();
        }
        return access(appointment, Role.GUEST, guest.getParticipantId(), guest.getDisplayName());
    }

    /** Whether the citizen's link opens the room now. */
    public EntryWindow.State entryState(Appointment appointment) {
        return entryWindow().stateAt(clock.instant(), appointment.getStartsAt(), appointment.endsAt(),
                appointment.getStatus().name());
    }

    public java.time.Instant roomOpensAt(Appointment appointment) {
        return entryWindow().opensAt(appointment.getStartsAt());
    }

    /**
     * ICE servers for the citizen's device test (a loopback call through our TURN server), also
     * days before the appointment: anyone holding a valid link may test their network.
     */
    public List<IceServer> iceServersForDeviceTest(String linkToken) {
        return iceServers(appointments.byLinkToken(linkToken), clock.instant());
    }

    /**
     * The same for an invited guest's device test (issue 5): their own link, the appointment's room-scoped
     * TURN user, so the guest's test takes the very path their relayed call would take.
     */
    public List<IceServer> iceServersForGuestDeviceTest(String guestToken) {
        return iceServers(guests.appointmentOf(guests.byLinkToken(guestToken)), clock.instant());
    }

    private EntryWindow entryWindow() {
        return new EntryWindow(Duration.ofMinutes(entryOpensMinutesBefore), Duration.ofMinutes(entryGraceMinutesAfter));
    }

    private RoomAccess access(Appointment appointment, Role role, String participantId, String displayName) {
        Instant now = clock.instant();
        String ticket = signer.sign(new JoinTicket(appointment.getRoomId(), role, participantId, displayName,
                now.plus(Duration.ofSeconds(ticketValiditySeconds))));
        return new RoomAccess(appointment.getId(), appointment.getRoomId(), role, ticket, iceServers(appointment, now));
    }

    private List<IceServer> iceServers(Appointment appointment, Instant now) {
        // The TURN user name must not identify anyone: a random room-scoped id is enough for coturn's logs.
        TurnCredentials.Credential credential = TurnCredentials.issue(turnSecret,
                appointment.getRoomId().substring(0, 8), now.plus(Duration.ofSeconds(turnValiditySeconds)));
        List<String> urls = Arrays.stream(turnUrls.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return List.of(new IceServer(urls, credential.username(), credential.password()));
    }
}
