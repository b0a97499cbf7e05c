package de.videotermin.consent.boundary;

import de.videotermin.consent.entity.ConsentRecord;
import de.videotermin.consent.entity.ConsentText;
import de.videotermin.appointment.entity.Appointment;
import de.videotermin.audit.boundary.Audited;
import de.videotermin.consultation.entity.GuestInvitation;
import de.videotermin.consultation.journal.ConsentWithdrawn;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@Stateless
public class Consents {

    public static final String CHANNEL_WEB = "web";
    private static final String FALLBACK_LANGUAGE = "de";

    @PersistenceContext
    EntityManager em;

    /** After the commit, signalling ends the withdrawing participant's part of a running call (WithdrawalNotices). */
    @Inject
    Event<ConsentWithdrawn> withdrawals;

    private final Clock clock = Clock.systemUTC();

    /** The newest text in the citizen's language that applies to all legal areas (German if none). */
    public ConsentText currentText(Locale locale) {
        return currentText(locale, null);
    }

    /**
     * The newest text for the legal area in the citizen's language; else the general one in that
     * language; else the same in German, the agency's language.
     */
    public ConsentText currentText(Locale locale, String legalArea) {
        String language = locale == null ? FALLBACK_LANGUAGE : locale.getLanguage();
        return latest(language, legalArea)
                .or(() -> latest(FALLBACK_LANGUAGE, legalArea))
                .orElseThrow(() -> new IllegalStateException("no consent text is configured"));
    }

    /** Records consent to exactly the text version the citizen was shown. */
    public ConsentRecord give(UUID appointmentId, long consentTextId, String channel) {
        ConsentRecord record = new ConsentRecord(appointmentId, text(consentTextId), clock.instant(), channel);
        em.persist(record);
        return record;
    }

    /** Records that the citizen declined a video consultation on the text shown. */
    public ConsentRecord decline(UUID appointmentId, long consentTextId, String channel) {
        ConsentRecord record = new ConsentRecord(appointmentId, text(consentTextId), clock.instant(), channel,
                ConsentRecord.Decision.DECLINED);
        em.persist(record);
        return record;
    }

    public boolean hasValidConsent(UUID appointmentId) {
        return ledger(appointmentId).stream().anyMatch(ConsentRecord::isValid);
    }

    /** Withdraws every valid consent for the appointment. Returns how many entries were withdrawn. */
    public int withdraw(UUID appointmentId) {
        List<ConsentRecord> valid = ledger(appointmentId).stream().filter(ConsentRecord::isValid).toList();
        valid.forEach(r -> r.withdraw(clock.instant()));
        Appointment appointment = em.find(Appointment.class, appointmentId);
        if (!valid.isEmpty() && appointment != null) {
            withdrawals.fire(new ConsentWithdrawn(appointment.getRoomId(), ConsentWithdrawn.CITIZEN));
        }
        return valid.size();
    }

    /** Records a guest's consent (an interpreter, a relative) to exactly the text version shown. */
    public ConsentRecord giveAsGuest(UUID appointmentId, UUID guestId, long consentTextId, String channel) {
        ConsentRecord record = ConsentRecord.forGuest(appointmentId, guestId, text(consentTextId), clock.instant(), channel);
        em.persist(record);
        return record;
    }

    public boolean hasValidGuestConsent(UUID guestId) {
        return guestLedger(guestId).stream().anyMatch(ConsentRecord::isValid);
    }

    /** Withdraws the guest's consent; the consultation itself goes on. */
    public int withdrawAsGuest(UUID guestId) {
        List<ConsentRecord> valid = guestLedger(guestId).stream().filter(ConsentRecord::isValid).toList();
        valid.forEach(r -> r.withdraw(clock.instant()));
        GuestInvitation guest = em.find(GuestInvitation.class, guestId);
        Appointment appointment = guest == null ? null : em.find(Appointment.class, guest.getAppointmentId());
        if (!valid.isEmpty() && appointment != null) {
            withdrawals.fire(new ConsentWithdrawn(appointment.getRoomId(), guest.getParticipantId()));
        }
        return valid.size();
    }

    public List<ConsentRecord> guestLedger(UUID guestId) {
        return em.createNamedQuery(ConsentRecord.FOR_GUEST, ConsentRecord.class)
                .setParameter("guestId", guestId)
                .getResultList();
    }

    /** The citizen's ledger of one appointment, newest first. */
    @Audited("consent.evidence.viewed")
    public List<ConsentRecord> ledger(UUID appointmentId) {
        return em.createNamedQuery(ConsentRecord.FOR_APPOINTMENT, ConsentRecord.class)
                .setParameter("appointmentId", appointmentId)
                .getResultList();
    }

    /** Exactly the text version the person was shown. */
    private ConsentText text(long consentTextId) {
        ConsentText text = em.find(ConsentText.class, consentTextId);
        if (text == null) {
            throw new IllegalArgumentException("unknown consent text");
        }
        return text;
    }

    private Optional<ConsentText> latest(String language, String legalArea) {
        Optional<ConsentText> specific = legalArea == null ? Optional.empty()
                : em.createNamedQuery(ConsentText.LATEST_FOR_AREA, ConsentText.class)
                        .setParameter("language", language)
                        .setParameter("legalArea", legalArea)
                        .setMaxResults(1)
                        .getResultStream()
                        .findFirst();
        return specific.or(() -> em.createNamedQuery(ConsentText.LATEST_GENERAL, ConsentText.class)
                .setParameter("language", language)
                .setMaxResults(1)
                .getResultStream()
                .findFirst());
    }
}
