package de.videotermin.problem;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * Answers errors the container produces before JAX-RS sees the request (a refused bearer token,
 * an unknown path) with a problem document instead of the server's HTML error page.
 */
@WebServlet("/problem")
public class ProblemErrorServlet extends HttpServlet {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute("jakarta.servlet.error.status_code");
        int status = code instanceof Integer i ? i : 500;
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        String detail = switch (status) {
            case 401 -> "A valid bearer token from the agency's Keycloak is required.";
            case 403 -> "The token does not carry a role that may do this.";
            case 404 -> "There is nothing at this address.";
            default -> title + ".";
        };
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.toJson(Problem.of("http-" + status, title, status, detail)));
    }
}
