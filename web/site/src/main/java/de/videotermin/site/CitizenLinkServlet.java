package de.videotermin.site;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The personal links: {@code /t/<token>} for the citizen, {@code /g/<token>} for a guest the advisor
 * invited (an interpreter, a relative). Short, readable URLs that forward to the citizen's appointment
 * page or the guest's invitation page. The token is only checked there (one place that rate-limits
 * and hashes).
 */
@WebServlet({"/t/*", "/g/*"})
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
        String page = "/g".equals(request.getServletPath()) ? "/guest/join.xhtml?g=" : "/citizen/appointment.xhtml?t=";
        request.getRequestDispatcher(page + token).forward(request, response);
    }
}
