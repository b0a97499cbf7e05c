package de.videotermin.operations;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.system.Stack;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** What operators poll: health with the database, metrics, the OpenAPI document. */
class OperationsIT {

    @Test
    void readinessIsUpAndIncludesTheDatabase() throws Exception {
        HttpResponse<String> response = Stack.get(Stack.BASE_URL + "/health/ready", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject health = Stack.json(response.body());
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getJsonArray("checks").getValuesAs(JsonObject.class))
                .anySatisfy(check -> {
                    assertThat(check.getString("name")).isEqualTo("database");
                    assertThat(check.getString("status")).isEqualTo("UP");
                });
    }

    @Test
    void livenessIsUp() throws Exception {
        HttpResponse<String> response = Stack.get(Stack.BASE_URL + "/health/live", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Stack.json(response.body()).getString("status")).isEqualTo("UP");
    }

    @Test
    void metricsAreInPrometheusFormat() throws Exception {
        HttpResponse<String> response = Stack.get(Stack.BASE_URL + "/metrics", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("# TYPE ");
    }

    @Test
    void operatorsSeeRoomsParticipantsMessagesJoinFailuresRelayedShareOutboxAndRetention() throws Exception {
        // exported from deployment on, before the first call, mail or retention run of this server
        for (String name : new String[] {"videotermin_signalling_rooms", "videotermin_signalling_connections",
                "videotermin_signalling_relayed_total", "videotermin_signalling_rejectedJoins_total",
                "videotermin_statistics_relayedSharePercentToday", "videotermin_statistics_joinSuccessPercentToday",
                "videotermin_outbox_backlog", "videotermin_outbox_oldestWaitingSeconds", "videotermin_outbox_sent_total",
                "videotermin_outbox_failedAttempts_total", "videotermin_retention_runs_total",
                "videotermin_retention_lastRunEpochSeconds"}) {
            assertThat(Stack.metric(name)).as(name).isPresent();
        }
        assertThat(Stack.metric("videotermin_signalling_rooms").orElseThrow()).isNotNegative();
    }

    @Test
    void openApiDocumentsTheApi() throws Exception {
        HttpResponse<String> response = Stack.get(Stack.BASE_URL + "/openapi", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/v1/appointments").contains("Videotermin API");
    }

    @Test
    void unknownPagesGetAReadablePageNotAStackTrace() throws Exception {
        HttpResponse<String> response = Stack.get(Stack.BASE_URL + "/no/such/page.xhtml", null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("error-title").doesNotContain("Exception").doesNotContain("at de.");
    }
}
