package de.videotermin.consultation.boundary;

import de.videotermin.appointment.boundary.Appointments;
import de.videotermin.appointment.entity.Appointment;
import de.videotermin.consultation.entity.DeviceCheck;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Device and network tests (click 2, or a rehearsal days before): recorded for the advisor. */
@Stateless
public class DeviceChecks {

    @PersistenceContext
    EntityManager em;

    @Inject
    Appointments appointments;

    @Inject
    Guests guests;

    private final Clock clock = Clock.systemUTC();

    public DeviceCheck record(String linkToken, @NotNull @Valid DeviceCheckReport report) {
        Appointment appointment = appointments.byLinkToken(linkToken);
        DeviceCheck check = new DeviceCheck(appointment.getId(), clock.instant(), report.rehearsal(),
                report.browserFamily(), report.cameraOk(), report.microphoneOk(), report.relayOk(),
                report.roundTripMs(), report.bitrateKbps());
        em.persist(check);
        return check;
    }

    /**
     * An invited guest's device test: the server judges the measurements exactly as for the citizen,
     * but keeps nothing. The advisor plans the call with the citizen's result; a guest's result only
     * suggests their own starting quality, so storing it would be data without a purpose (Art. 5(1)(c) GDPR).
     */
    public DeviceCheck.Verdict judgeForGuest(String guestToken, @NotNull @Valid DeviceCheckReport report) {
        guests.byLinkToken(guestToken); // unknown: AppointmentNotFoundException; revoked: GuestLinkClosedException
        return DeviceCheck.verdictFor(report.relayOk(), report.roundTripMs(), report.bitrateKbps());
    }

    public Optional<DeviceCheck> latest(UUID appointmentId) {
        return em.createNamedQuery(DeviceCheck.LATEST_FOR_APPOINTMENT, DeviceCheck.class)
                .setParameter("appointmentId", appointmentId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }
}
