package de.videotermin.site;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The citizen's personal link {@code /t/<token>}: a short, readable URL that forwards to the
 * appointment page. The token is only checked there (one place that rate-limits and hashes).
 */
@WebServlet("/t/*")
public class CitizenLinkServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String path = request.getPathInfo();
        String token = path == null ? "" : path.substring(1);
        if (!token.matches("[A-Za-z0-9_-]{1,100}")) {
            // Not even shaped like a token: say so before the page starts rendering.
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            token = "";
        }
        request.getRequestDispatcher("/citizen/appointment.xhtml?t=" + token).forward(request, response);
    }
}
