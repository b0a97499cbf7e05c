package de.videotermin.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Signs out here and at Keycloak (the mechanism's logout definition notifies the provider and
 * redirects back to the start page). POST only, with the session's CSRF token, so that neither a
 * link nor a form on another site can sign anyone out.
 */
@WebServlet("/logout")
public class SignOutServlet extends HttpServlet {

    static final String CSRF_ATTRIBUTE = "videotermin.csrf";

    static String csrfToken(jakarta.servlet.http.HttpSession session) {
        Object token = session.getAttribute(CSRF_ATTRIBUTE);
        if (token instanceof String existing) {
            return existing;
        }
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        String created = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.setAttribute(CSRF_ATTRIBUTE, created);
        return created;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        var current = request.getSession(false);
        Object expected = current == null ? null : current.getAttribute(CSRF_ATTRIBUTE);
        String given = request.getParameter("csrf");
        if (!(expected instanceof String token) || given == null || !java.security.MessageDigest.isEqual(
                token.getBytes(java.nio.charset.StandardCharsets.US_ASCII), given.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        request.logout();
        if (!response.isCommitted()) {
            var session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/");
        }
    }
}
