package de.videotermin.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.system.Stack;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The bearer-token API accepts Keycloak access tokens for the right roles only. */
class ApiSecurityIT {

    private static final String ME = Stack.BASE_URL + "/api/v1/me";
    private static final String APPOINTMENTS = Stack.BASE_URL + "/api/v1/appointments";

    @Test
    void refusesCallWithoutTokenAsProblem() throws Exception {
        HttpResponse<String> response = Stack.get(APPOINTMENTS, null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Stack.json(response.body()).getInt("status")).isEqualTo(401);
    }

    @Test
    void refusesGarbageAndTamperedTokens() throws Exception {
        assertThat(Stack.get(ME, "garbage").statusCode()).isEqualTo(401);
        String token = Stack.accessToken("anna.berger");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThat(Stack.get(ME, tampered).statusCode()).isEqualTo(401);
    }

    @Test
    void refusesAnIdTokenBecauseTheAudienceIsWrong() throws Exception {
        String idToken = Stack.tokens("anna.berger", Stack.DEMO_PASSWORD, "openid").getString("id_token");
        assertThat(Stack.get(ME, idToken).statusCode()).isEqualTo(401);
    }

    @Test
    void analystTokenIsForbiddenOnAdvisorResource() throws Exception {
        HttpResponse<String> response = Stack.get(APPOINTMENTS, Stack.accessToken("lena.vogel"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Stack.json(response.body()).getInt("status")).isEqualTo(403);
    }

    @Test
    void advisorTokenListsTheirAppointments() throws Exception {
        HttpResponse<String> response = Stack.get(APPOINTMENTS, Stack.accessToken("anna.berger"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("[");
    }

    @Test
    void tokenRolesComeThrough() throws Exception {
        HttpResponse<String> response = Stack.get(ME, Stack.accessToken("thomas.krueger"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Stack.json(response.body()).getString("name")).isEqualTo("thomas.krueger");
        assertThat(response.body()).contains("\"admin\"").contains("\"advisor\"");
    }
}
