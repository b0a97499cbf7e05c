package de.videotermin.consultation.boundary;

import de.videotermin.appointment.boundary.AppointmentNotFoundException;
import de.videotermin.appointment.boundary.Appointments;
import de.videotermin.appointment.entity.Appointment;
import de.videotermin.consultation.entity.CallRecord;
import de.videotermin.consultation.journal.CallJournal;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Keeps the call record from the events signalling reports. Two views: the {@link CallJournal}
 * contract for the signalling WAR and the no-interface view for pages and tests.
 */
@Stateless
@LocalBean
@Local(CallJournal.class)
public class CallRecords implements CallJournal {

    private static final ZoneId AGENCY_ZONE = ZoneId.of("Europe/Berlin");
    private static final Logger LOG = Logger.getLogger(CallRecords.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Appointments appointments;

    @Override
    public void callStarted(String roomId, Instant at) {
        appointment(roomId).ifPresent(appointment -> {
            if (open(appointment.getId()).isEmpty()) {
                em.persist(new CallRecord(appointment.getId(), at));
            }
            appointment.callStarted();
        });
    }

    @Override
    public void connectionEstablished(String roomId, boolean relayed, Instant at) {
        appointment(roomId).flatMap(a -> open(a.getId()))
                .ifPresent(call -> call.connected(relayed ? CallRecord.ConnectionType.RELAYED : CallRecord.ConnectionType.DIRECT));
    }

    @Override
    public void firstFrame(String roomId, int milliseconds, Instant at) {
        openCall(roomId).ifPresent(call -> call.firstFrame(milliseconds));
    }

    @Override
    public void qualityChanged(String roomId, String mode, Instant at) {
        openCall(roomId).ifPresent(call -> call.qualityChanged(mode));
    }

    @Override
    public void reconnected(String roomId, Instant at) {
        openCall(roomId).ifPresent(CallRecord::reconnected);
    }

    @Override
    public void callEnded(String roomId, Instant at) {
        appointment(roomId).ifPresent(appointment -> {
            open(appointment.getId()).ifPresent(call -> {
                call.end(at);
                recordJoinQuality(appointment, call);
            });
            appointment.callEnded();
        });
    }

    /**
     * One anonymous row per call for the statistics (share of joins that succeeded, time to first
     * frame, use of low quality and audio only): legal area, site and day, nothing that leads back
     * to the appointment or the citizen.
     */
    private void recordJoinQuality(Appointment appointment, CallRecord call) {
        em.createNativeQuery("""
                insert into call_quality (id, legal_area, site_code, joined_on, join_succeeded, first_frame_ms,
                                          low_quality, audio_only)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, appointment.getLegalAreaCode())
                .setParameter(3, appointment.getSiteCode())
                .setParameter(4, LocalDate.ofInstant(call.getStartedAt(), AGENCY_ZONE))
                .setParameter(5, call.getConnectionType() != null)
                .setParameter(6, call.getFirstFrameMs())
                .setParameter(7, call.isLowQualityUsed())
                .setParameter(8, call.isAudioOnlyUsed())
                .executeUpdate();
    }

    private Optional<CallRecord> openCall(String roomId) {
        return appointment(roomId).flatMap(a -> open(a.getId()));
    }

    public List<CallRecord> forAppointment(UUID appointmentId) {
        return em.createNamedQuery(CallRecord.FOR_APPOINTMENT, CallRecord.class)
                .setParameter("appointmentId", appointmentId)
                .getResultList();
    }

    private Optional<CallRecord> open(UUID appointmentId) {
        return em.createNamedQuery(CallRecord.OPEN_FOR_APPOINTMENT, CallRecord.class)
                .setParameter("appointmentId", appointmentId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    private Optional<Appointment> appointment(String roomId) {
        try {
            return Optional.of(appointments.byRoom(roomId));
        } catch (AppointmentNotFoundException e) {
            LOG.warning("call event for a room without appointment; ignored");
            return Optional.empty();
        }
    }
}
