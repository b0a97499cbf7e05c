package de.videotermin.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import de.videotermin.appointment.AgencyApi;
import de.videotermin.system.Stack;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.Test;

/** Invitations, updates, letters and reminders as the citizen receives them (real SMTP: the stack's GreenMail). */
class InvitationIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Duration MAIL_LIMIT = Duration.ofSeconds(90);

    /** The Monday after next year's switch to summer time, 09:00 in Berlin (07:00 UTC). */
    private static ZonedDateTime afterDaylightSavingSwitch() {
        LocalDate switchDay = LocalDate.of(LocalDate.now().getYear() + 1, 3, 31).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
        return ZonedDateTime.of(switchDay.plusDays(1), LocalTime.of(9, 0), BERLIN);
    }

    private static String newAddress() {
        return "citizen-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    @Test
    void invitationCarriesThePersonalLinkAndACalendarEntryInBerlinTime() throws Exception {
        String email = newAddress();
        ZonedDateTime start = afterDaylightSavingSwitch();
        JsonObject created = AgencyApi.create(AgencyApi.token(),
                AgencyApi.booking(AgencyApi.newAdvisor(), start.toOffsetDateTime(), 30, email));
        String link = created.getString("citizenLink");

        Mailbox.Mail mail = Mailbox.await(email, m -> m.ics() != null, MAIL_LIMIT);

        assertThat(mail.text()).contains(link).contains("Erika Muster").contains("Bitte Zeugnisse bereithalten.")
                .contains("09:00");
        assertThat(mail.html()).contains("href=\"" + link + "\"");
        VEvent event = event(mail.ics());
        DtStart<?> dtStart = event.getProperty(Property.DTSTART).map(p -> (DtStart<?>) p).orElseThrow();
        assertThat(dtStart.getParameter(Parameter.TZID).map(Parameter::getValue)).hasValue("Europe/Berlin");
        Temporal when = dtStart.getDate();
        assertThat(ZonedDateTime.from(when).withZoneSameInstant(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
        assertThat(ZonedDateTime.from(when).toInstant()).isEqualTo(start.toInstant());
        assertThat(value(event, Property.UID)).isEqualTo(created.getString("id") + "@videotermin");
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
    }

    @Test
    void rescheduleSendsAnUpdateWithTheSameUidAndAHigherSequence() throws Exception {
        String email = newAddress();
        String token = AgencyApi.token();
        ZonedDateTime start = afterDaylightSavingSwitch().plusDays(1);
        JsonObject created = AgencyApi.create(token, AgencyApi.booking(AgencyApi.newAdvisor(), start.toOffsetDateTime(), 30, email));
        VEvent invitation = event(Mailbox.await(email, m -> m.ics() != null, MAIL_LIMIT).ics());

        OffsetDateTime later = start.plusHours(2).toOffsetDateTime();
        var moved = AgencyApi.post(AgencyApi.APPOINTMENTS + "/" + created.getString("id") + "/reschedule", token,
                "{\"startsAt\":\"" + later + "\",\"durationMinutes\":45}", null);
        assertThat(moved.statusCode()).isEqualTo(200);

        String first = messageIdOfFirst(email);
        Mailbox.Mail update = Mailbox.await(email, m -> m.ics() != null && !m.messageId().equals(first), MAIL_LIMIT);
        VEvent updated = event(update.ics());
        assertThat(value(updated, Property.UID)).isEqualTo(value(invitation, Property.UID));
        assertThat(Integer.parseInt(value(updated, Property.SEQUENCE))).isGreaterThan(Integer.parseInt(value(invitation, Property.SEQUENCE)));
        DtStart<?> dtStart = updated.getProperty(Property.DTSTART).map(p -> (DtStart<?>) p).orElseThrow();
        assertThat(ZonedDateTime.from(dtStart.getDate()).toInstant()).isEqualTo(later.toInstant());
        assertThat(update.text()).contains("11:00");
    }

    @Test
    void citizenWithoutEmailGetsAPrintableLetterWithTheLink() throws Exception {
        JsonObject created = AgencyApi.create(AgencyApi.token(),
                AgencyApi.booking(AgencyApi.newAdvisor(), afterDaylightSavingSwitch().plusDays(2).toOffsetDateTime(), 30, null));
        String link = created.getString("citizenLink");
        byte[] pdf;
        try (Connection db = DriverManager.getConnection(Stack.DB_URL, "videotermin", Stack.DB_PASSWORD);
             PreparedStatement query = db.prepareStatement(
                     "select pdf from outbox_message where appointment_id = ? and kind = 'LETTER' and status = 'LETTER_READY'")) {
            query.setObject(1, UUID.fromString(created.getString("id")));
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as("a letter is ready to print").isTrue();
                pdf = rows.getBytes(1);
            }
        }
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page));
        }
        reader.close();
        assertThat(text.toString().replaceAll("\\s+", "")).contains(link).contains("Musterweg1");
    }

    @Test
    void aReminderArrivesBeforeTheAppointment() throws Exception {
        String email = newAddress();
        // within the one-hour reminder offset: the reminder timer picks it up on its next scan
        OffsetDateTime soon = OffsetDateTime.now(BERLIN).plusMinutes(40).truncatedTo(ChronoUnit.MINUTES);
        AgencyApi.create(AgencyApi.token(), AgencyApi.booking(AgencyApi.newAdvisor(), soon, 15, email));

        Mailbox.Mail reminder = Mailbox.await(email, m -> m.subject().startsWith("Erinnerung"), MAIL_LIMIT);

        assertThat(reminder.text()).contains(soon.atZoneSameInstant(BERLIN).toLocalTime().toString());
        assertThat(Mailbox.read(email)).filteredOn(m -> m.subject().startsWith("Erinnerung")).hasSize(1);
    }

    private static String messageIdOfFirst(String email) throws Exception {
        return Mailbox.read(email).get(0).messageId();
    }

    private static VEvent event(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        return calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElseThrow();
    }
}
