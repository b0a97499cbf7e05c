package de.videotermin.consultation.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.videotermin.appointment.boundary.AppointmentNotFoundException;
import de.videotermin.consultation.entity.DeviceCheck;
import de.videotermin.consultation.entity.GuestInvitation;
import org.junit.jupiter.api.Test;

/** An invited guest's device test: judged like the citizen's, never stored, only for a standing invitation. */
class DeviceChecksTest {

    private static final String STANDING = "s".repeat(43);
    private static final String REVOKED = "r".repeat(43);

    private final DeviceChecks checks = new DeviceChecks();

    DeviceChecksTest() {
        checks.guests = new Guests() {
            @Override
            public GuestInvitation byLinkToken(String token) {
                if (STANDING.equals(token)) {
                    return null; // the invitation itself is not needed for the verdict
                }
                if (REVOKED.equals(token)) {
                    throw new GuestLinkClosedException();
                }
                throw new AppointmentNotFoundException();
            }
        };
        // checks.em stays null: a guest's report must never reach the database
    }

    private static DeviceCheckReport report(boolean relayOk, Integer rtt, Integer kbps) {
        return new DeviceCheckReport(false, "chrome", true, true, relayOk, rtt, kbps);
    }

    @Test
    void judgesAGuestsReportLikeTheCitizensWithoutStoringIt() {
        assertThat(checks.judgeForGuest(STANDING, report(true, 40, 2500))).isEqualTo(DeviceCheck.Verdict.GOOD);
        assertThat(checks.judgeForGuest(STANDING, report(true, 40, 300))).isEqualTo(DeviceCheck.Verdict.LOW_QUALITY);
        assertThat(checks.judgeForGuest(STANDING, report(true, 900, 2500))).isEqualTo(DeviceCheck.Verdict.LOW_QUALITY);
        assertThat(checks.judgeForGuest(STANDING, report(false, null, null))).isEqualTo(DeviceCheck.Verdict.NO_CONNECTION);
    }

    @Test
    void refusesUnknownAndWithdrawnInvitations() {
        assertThatThrownBy(() -> checks.judgeForGuest("x".repeat(43), report(true, 40, 2500)))
                .isInstanceOf(AppointmentNotFoundException.class);
        assertThatThrownBy(() -> checks.judgeForGuest(REVOKED, report(true, 40, 2500)))
                .isInstanceOf(GuestLinkClosedException.class);
    }
}
