package de.videotermin.consultation.ui;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** RFC 9457 problem details from the site's small JSON servlets (the API WAR has its own mappers). */
final class Problems {

    private Problems() {
    }

    static void send(HttpServletResponse response, int status, String type, String title) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder()
                .add("type", "https://videotermin.de/problems/" + type)
                .add("title", title)
                .add("status", status)
                .build().toString());
    }
}
