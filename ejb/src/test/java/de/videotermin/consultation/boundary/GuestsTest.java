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
}
