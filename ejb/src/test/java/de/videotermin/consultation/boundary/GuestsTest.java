package de.videotermin.consultation.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GuestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void refusesEmptyNames(String name) {
        GuestInvitationException e = catchThrowableOfType(GuestInvitationException.class, () -> Guests.cleanName(name));
        assertThat(e.reason()).isEqualTo(GuestInvitationException.Reason.NAME_INVALID);
    }

    @org.junit.jupiter.api.Test
    void refusesTooLongNamesAndControlCharactersButKeepsUnicode() {
        assertThat(catchThrowableOfType(GuestInvitationException.class, () -> Guests.cleanName("x".repeat(81)))).isNotNull();
        assertThat(catchThrowableOfType(GuestInvitationException.class, () -> Guests.cleanName("Maria\u0000K."))).isNotNull();
        assertThat(Guests.cleanName("  Şükrü   Öztürk (Dolmetscher) ")).isEqualTo("Şükrü Öztürk (Dolmetscher)");
        assertThat(Guests.cleanName("<script>alert(1)</script>")).as("stored as typed; pages escape it")
                .isEqualTo("<script>alert(1)</script>");
        assertThat(catchThrowableOfType(GuestInvitationException.class, () -> Guests.cleanName(null))).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"maria", "maria@", "@example.org", "maria@example", "maria example@example.org",
            "Maria <maria@example.org>", "a@b.org, c@d.org", "maria@exa_mple.org", ".maria@example.org",
            "ma..ria@example.org", "maria.@example.org", "maria@example.org\r\nBcc: x@y.org", "maria@-example.org"})
    void refusesWhatIsNotOnePlainAddress(String email) {
        GuestInvitationException e = catchThrowableOfType(GuestInvitationException.class, () -> Guests.cleanEmail(email));
        assertThat(e).as(email).isNotNull();
        assertThat(e.reason()).isEqualTo(GuestInvitationException.Reason.EMAIL_INVALID);
        assertThat(e.getMessage()).as("the address is never part of the message (it could reach a log)").doesNotContain("maria");
    }

    @org.junit.jupiter.api.Test
    void anEmptyAddressMeansNoMailAndAGoodOneIsKeptTrimmed() {
        assertThat(Guests.cleanEmail(null)).isNull();
        assertThat(Guests.cleanEmail("   ")).isNull();
        assertThat(Guests.cleanEmail("  maria.k+dolmetsch@sprach-dienst.example.org ")).isEqualTo("maria.k+dolmetsch@sprach-dienst.example.org");
        assertThat(catchThrowableOfType(GuestInvitationException.class,
                () -> Guests.cleanEmail("x".repeat(64) + "@" + ("d".repeat(50) + ".").repeat(4) + "org")))
                .as("longer than 254 characters").isNotNull();
    }
}
