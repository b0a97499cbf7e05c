package de.videotermin.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.videotermin.appointment.boundary.AdvisorIdentity;
import de.videotermin.appointment.boundary.AppointmentNotFoundException;
import de.videotermin.appointment.boundary.Appointments;
import de.videotermin.appointment.boundary.BookedAppointment;
import de.videotermin.appointment.boundary.Booking;
import de.videotermin.appointment.entity.AppointmentStatus;
import de.videotermin.appointment.entity.LegalArea;
import de.videotermin.consent.boundary.ConsentRequiredException;
import de.videotermin.consent.boundary.Consents;
import de.videotermin.consent.entity.ConsentRecord;
import de.videotermin.consent.entity.ConsentText;
import de.videotermin.consultation.boundary.CallRecords;
import de.videotermin.consultation.boundary.JoinTickets;
import de.videotermin.consultation.boundary.RoomAccess;
import de.videotermin.consultation.entity.CallRecord;
import de.videotermin.consultation.ticket.JoinTicket;
import de.videotermin.consultation.ticket.Role;
import de.videotermin.consultation.ticket.TicketSigner;
import jakarta.enterprise.inject.spi.CDI;
import org.junit.jupiter.api.BeforeEach;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Booking, the consent ledger, join tickets and the call record, run inside Payara Server against
 * the real PostgreSQL. Each test books its own appointment, so tests share no state.
 */
@ExtendWith(ArquillianExtension.class)
class ConsultationAccessIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.ejbModule(ConsultationAccessIT.class);
    }

    Appointments appointments;
    Consents consents;
    JoinTickets tickets;
    CallRecords callRecords;

    /** The boundaries as the application sees them (CDI in the container; Arquillian's enricher is not used). */
    @BeforeEach
    void lookUpBoundaries() {
        appointments = CDI.current().select(Appointments.class).get();
        consents = CDI.current().select(Consents.class).get();
        tickets = CDI.current().select(JoinTickets.class).get();
        callRecords = CDI.current().select(CallRecords.class).get();
    }

    // Looked up rather than injected: Arquillian's enrichers handle neither @Resource(lookup) nor @ConfigProperty.
    private static String ticketSecret() {
        return ConfigProvider.getConfig().getValue("videotermin.ticket.secret", String.class);
    }

    private static DataSource dataSource() throws NamingException {
        return InitialContext.doLookup("jdbc/videotermin");
    }

    // One advisor per test: an advisor cannot be double-booked (exclusion constraint), and tests share no state.
    private final AdvisorIdentity advisor = new AdvisorIdentity("it.advisor." + java.util.UUID.randomUUID(), "Ina Test");

    private BookedAppointment book() {
        return appointments.book(new Booking(ZonedDateTime.now(ZoneId.of("Europe/Berlin")).plusDays(1), 30,
                "Erika Musterfrau", "erika@example.org", LegalArea.FAMILY_BENEFITS), advisor);
    }

    @Test
    void storesOnlyTheHashOfTheCitizensLinkToken() throws Exception {
        BookedAppointment booked = book();

        assertThat(booked.linkToken()).hasSize(43);  // 256 bits, base64url
        assertThat(appointments.byLinkToken(booked.linkToken()).getId()).isEqualTo(booked.appointment().getId());
        try (Connection c = dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from appointment where link_token_hash = ? or room_id = ?")) {
            s.setString(1, booked.linkToken());
            s.setString(2, booked.linkToken());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertThat(r.getInt(1)).as("the token itself is nowhere in the table").isZero();
            }
        }
    }

    @Test
    void aRenewedLinkReplacesTheOldOne() {
        BookedAppointment booked = book();
        String renewed = appointments.renewLink(booked.appointment().getRoomId(), advisor);

        assertThat(appointments.byLinkToken(renewed).getId()).isEqualTo(booked.appointment().getId());
        assertThatThrownBy(() -> appointments.byLinkToken(booked.linkToken())).isInstanceOf(AppointmentNotFoundException.class);
    }

    @Test
    void anotherAdvisorCannotOpenTheRoom() {
        BookedAppointment booked = book();
        assertThatThrownBy(() -> tickets.forAdvisor(booked.appointment().getRoomId(), new AdvisorIdentity("someone.else", "X")))
                .isInstanceOf(AppointmentNotFoundException.class);
    }

    @Test
    void rejectsJoinWithoutConsentAndAfterWithdrawal() {
        BookedAppointment booked = book();
        assertThatThrownBy(() -> tickets.forCitizen(booked.linkToken())).isInstanceOf(ConsentRequiredException.class);

        ConsentText text = consents.currentText(Locale.ENGLISH);
        consents.give(booked.appointment().getId(), text.getId(), Consents.CHANNEL_WEB);
        RoomAccess access = tickets.forCitizen(booked.linkToken());
        JoinTicket ticket = new TicketSigner(ticketSecret()).verifyFor(access.ticket(), booked.appointment().getRoomId());
        assertThat(ticket.role()).isEqualTo(Role.CITIZEN);
        assertThat(access.iceServers()).isNotEmpty();
        assertThat(access.iceServers().get(0).urls()).allSatisfy(url -> assertThat(url).startsWith("turn:"));

        assertThat(consents.withdraw(booked.appointment().getId())).isEqualTo(1);
        assertThatThrownBy(() -> tickets.forCitizen(booked.linkToken())).isInstanceOf(ConsentRequiredException.class);
    }

    @Test
    void ledgerShowsExactlyWhatWasAgreedTo() {
        BookedAppointment booked = book();
        ConsentText german = consents.currentText(Locale.GERMAN);
        consents.give(booked.appointment().getId(), german.getId(), Consents.CHANNEL_WEB);

        List<ConsentRecord> ledger = consents.ledger(booked.appointment().getId());
        assertThat(ledger).hasSize(1);
        assertThat(ledger.get(0).getText().getLanguage()).isEqualTo("de");
        assertThat(ledger.get(0).getText().getVersion()).isEqualTo(german.getVersion());
        assertThat(ledger.get(0).getText().getBody()).contains("Einwilligung");
        assertThat(ledger.get(0).getChannel()).isEqualTo("web");
        assertThat(ledger.get(0).getGivenAt()).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void callRecordKeepsDurationAndRelayedConnection() {
        BookedAppointment booked = book();
        String room = booked.appointment().getRoomId();
        Instant start = Instant.now();
        callRecords.callStarted(room, start);
        callRecords.connectionEstablished(room, false, start.plusSeconds(1));
        callRecords.connectionEstablished(room, true, start.plusSeconds(2));
        callRecords.callEnded(room, start.plusSeconds(95));
        callRecords.callEnded(room, start.plusSeconds(500));   // idempotent

        List<CallRecord> calls = callRecords.forAppointment(booked.appointment().getId());
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).getDurationSeconds()).isEqualTo(95);
        assertThat(calls.get(0).getConnectionType()).isEqualTo("RELAYED");
        assertThat(appointments.byRoom(room).getStatus()).isEqualTo(AppointmentStatus.DONE);
    }
}
