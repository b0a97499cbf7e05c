package de.videotermin.consent.ui;

import de.videotermin.appointment.entity.Appointment;
import de.videotermin.consent.boundary.Consents;
import de.videotermin.consent.entity.ConsentText;
import de.videotermin.consultation.boundary.JoinTickets;
import de.videotermin.site.SiteSettings;
import java.io.Serializable;
import java.util.Locale;

/**
 * What a link page (the citizen's or a guest's) shows before the room: the appointment's facts in the
 * reader's language, whether the room is open, and the consent text that click 1 agrees to.
 *
 * @param entryState the name of {@link de.videotermin.consultation.control.EntryWindow}'s state
 */
public record EntryOffer(String advisorName, String startsAt, String opensAt, String entryState,
                         long consentTextId, int consentVersion, String consentBody) implements Serializable {

    public static EntryOffer of(Appointment appointment, Locale locale, Consents consents, JoinTickets tickets,
                                SiteSettings site) {
        ConsentText text = consents.currentText(locale, appointment.getLegalArea());
        return new EntryOffer(appointment.getAdvisorName(),
                site.formatDateTime(appointment.getStartsAt(), locale),
                site.formatTime(tickets.roomOpensAt(appointment), locale),
                tickets.entryState(appointment).name(),
                text.getId(), text.getVersion(), text.getBody());
    }
}
