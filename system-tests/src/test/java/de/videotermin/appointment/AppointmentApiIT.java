package de.videotermin.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.system.Stack;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /api/v1/appointments for the agency's system: idempotent creation, no double booking, problem details for every mistake. */
class AppointmentApiIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private String token;
    private String advisor;
    private OffsetDateTime start;

    @BeforeEach
    void setUp() throws Exception {
        token = AgencyApi.token();
        advisor = AgencyApi.newAdvisor();
        start = ZonedDateTime.of(LocalDate.now(BERLIN).plusDays(7), LocalTime.of(10, 0), BERLIN).toOffsetDateTime();
    }

    @Test
    void theSameIdempotencyKeyTwiceCreatesOneAppointment() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = AgencyApi.booking(advisor, start, 30, null);

        HttpResponse<String> first = AgencyApi.post(AgencyApi.APPOINTMENTS, token, body, key);
        HttpResponse<String> second = AgencyApi.post(AgencyApi.APPOINTMENTS, token, body, key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(Stack.json(second.body()).getString("id")).isEqualTo(Stack.json(first.body()).getString("id"));
        HttpResponse<String> list = Stack.get(AgencyApi.APPOINTMENTS + "?advisor=" + advisor, token);
        assertThat(list.headers().firstValue("X-Total-Count")).hasValue("1");
    }

    @Test
    void theSameKeyForADifferentBookingIsRefused() throws Exception {
        String key = UUID.randomUUID().toString();
        AgencyApi.post(AgencyApi.APPOINTMENTS, token, AgencyApi.booking(advisor, start, 30, null), key);
        HttpResponse<String> misuse = AgencyApi.post(AgencyApi.APPOINTMENTS, token,
                AgencyApi.booking(advisor, start.plusHours(1), 30, null), key);
        assertProblem(misuse, 422);
    }

    @Test
    void aDoubleBookingIsRefusedWith409AndSaysWhy() throws Exception {
        AgencyApi.create(token, AgencyApi.booking(advisor, start, 60, null));
        HttpResponse<String> overlapping = AgencyApi.post(AgencyApi.APPOINTMENTS, token,
                AgencyApi.booking(advisor, start.plusMinutes(30), 30, null), null);
        JsonObject problem = assertProblem(overlapping, 409);
        assertThat(problem.getString("type")).endsWith("/double-booking");
        assertThat(problem.getString("detail")).contains("already has an appointment");
        // back to back is fine: ranges are half-open
        assertThat(AgencyApi.post(AgencyApi.APPOINTMENTS, token, AgencyApi.booking(advisor, start.plusMinutes(60), 30, null), null)
                .statusCode()).isEqualTo(201);
    }

    @Test
    void aCancelledAppointmentFreesTheTimeAndCannotBeMovedAnyMore() throws Exception {
        JsonObject created = AgencyApi.create(token, AgencyApi.booking(advisor, start, 30, null));
        String url = AgencyApi.APPOINTMENTS + "/" + created.getString("id");
        assertThat(AgencyApi.post(url + "/cancel", token, "", null).statusCode()).isEqualTo(200);
        assertThat(Stack.json(Stack.get(url, token).body()).getString("status")).isEqualTo("CANCELLED");
        assertProblem(AgencyApi.post(url + "/reschedule", token, "{\"startsAt\":\"" + start.plusDays(1) + "\",\"durationMinutes\":30}", null), 409);
        assertProblem(AgencyApi.post(url + "/cancel", token, "", null), 409);
        assertThat(AgencyApi.post(AgencyApi.APPOINTMENTS, token, AgencyApi.booking(advisor, start, 30, null), null).statusCode())
                .isEqualTo(201);
    }

    @Test
    void badInputGetsProblemDetailsAndNeverA500() throws Exception {
        JsonObject missing = assertProblem(AgencyApi.post(AgencyApi.APPOINTMENTS, token, "{\"durationMinutes\":3}", null), 400);
        assertThat(missing.getJsonArray("violations").toString()).contains("citizenName").contains("startsAt").contains("durationMinutes");
        assertProblem(AgencyApi.post(AgencyApi.APPOINTMENTS, token, "{not json", null), 400);
        assertProblem(AgencyApi.post(AgencyApi.APPOINTMENTS, token, "{\"startsAt\":\"tomorrow\"}", null), 400);
        assertProblem(AgencyApi.post(AgencyApi.APPOINTMENTS, token,
                AgencyApi.booking(advisor, start.minusDays(30), 30, null), null), 400);
        assertProblem(AgencyApi.post(AgencyApi.APPOINTMENTS, token,
                AgencyApi.booking(advisor, start, 30, null).replace("CAREER_GUIDANCE", "ASTROLOGY"), null), 422);
        assertProblem(AgencyApi.post(AgencyApi.APPOINTMENTS, token,
                AgencyApi.booking(advisor, start, 30, null).replace("\"topic\"", "\"siteCode\":\"NO-SUCH-SITE\",\"topic\""), null), 422);
        assertProblem(AgencyApi.post(AgencyApi.APPOINTMENTS, token,
                AgencyApi.booking(advisor, start, 30, "not-an-address"), null), 400);
        assertProblem(Stack.get(AgencyApi.APPOINTMENTS + "/" + UUID.randomUUID(), token), 404);
        assertProblem(Stack.get(AgencyApi.APPOINTMENTS + "/not-a-uuid", token), 404);
        assertProblem(Stack.get(AgencyApi.APPOINTMENTS + "?from=31.12.2026", token), 400);
        assertProblem(Stack.get(AgencyApi.APPOINTMENTS + "?size=100000", token), 400);
        assertProblem(AgencyApi.post(AgencyApi.APPOINTMENTS + "/" + UUID.randomUUID() + "/reschedule", token,
                "{\"startsAt\":\"" + start + "\",\"durationMinutes\":30}", null), 404);
    }

    @Test
    void listingIsPagedAndFilteredByDay() throws Exception {
        for (int i = 0; i < 3; i++) {
            AgencyApi.create(token, AgencyApi.booking(advisor, start.plusHours(i), 30, null));
        }
        AgencyApi.create(token, AgencyApi.booking(advisor, start.plusDays(1), 30, null));
        String day = start.toLocalDate().toString();
        HttpResponse<String> page = Stack.get(AgencyApi.APPOINTMENTS + "?advisor=" + advisor + "&from=" + day + "&to=" + day
                + "&size=2&page=1", token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("X-Total-Count")).hasValue("3");
        assertThat(page.body()).contains(start.plusHours(2).atZoneSameInstant(BERLIN).toOffsetDateTime().toLocalTime().toString());
        assertThat(Stack.json("{\"a\":" + page.body() + "}").getJsonArray("a")).hasSize(1);
    }

    @Test
    void anAdvisorSeesOnlyTheirOwnAppointments() throws Exception {
        JsonObject someoneElses = AgencyApi.create(token, AgencyApi.booking(advisor, start, 30, null));
        String anna = Stack.accessToken("anna.berger");
        assertProblem(Stack.get(AgencyApi.APPOINTMENTS + "/" + someoneElses.getString("id"), anna), 404);
        assertThat(Stack.get(AgencyApi.APPOINTMENTS + "?advisor=" + advisor, anna).body()).doesNotContain(someoneElses.getString("id"));
    }

    private static JsonObject assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonObject problem = Stack.json(response.body());
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("type")).startsWith("https://videotermin.de/problems/");
        return problem;
    }
}
