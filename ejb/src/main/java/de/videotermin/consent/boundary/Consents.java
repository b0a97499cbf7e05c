package de.videotermin.consent.boundary;

import de.videotermin.consent.entity.ConsentRecord;
import de.videotermin.consent.entity.ConsentText;
import jakarta.ejb.Stateless;
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

    private final Clock clock = Clock.systemUTC();

    /** The newest text in the citizen's language, German if there is none in it. */
    public ConsentText currentText(Locale locale) {
        String language = locale == null ? FALLBACK_LANGUAGE : locale.getLanguage();
        return latest(language).or(() -> latest(FALLBACK_LANGUAGE))
                .orElseThrow(() -> new IllegalStateException("no consent text is configured"));
    }

    /** Records consent to exactly the text version the citizen was shown. */
    public ConsentRecord give(UUID appointmentId, long consentTextId, String channel) {
        ConsentText text = em.find(ConsentText.class, consentTextId);
        if (text == null) {
            throw new IllegalArgumentException("unknown consent text");
        }
        ConsentRecord record = new ConsentRecord(appointmentId, text, clock.instant(), channel);
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
        return valid.size();
    }

    /** The ledger of one appointment, newest first. */
    public List<ConsentRecord> ledger(UUID appointmentId) {
        return em.createNamedQuery(ConsentRecord.FOR_APPOINTMENT, ConsentRecord.class)
                .setParameter("appointmentId", appointmentId)
                .getResultList();
    }

    private Optional<ConsentText> latest(String language) {
        return em.createNamedQuery(ConsentText.LATEST_IN_LANGUAGE, ConsentText.class)
                .setParameter("language", language)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }
}
