package de.videotermin.security;

import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A form post whose view state the server does not know — a page left open past the session, or a
 * post forged on another site (it cannot know the page's random, session-bound view state; with
 * SameSite=Lax it does not even carry the session) — changes nothing and gets 400 with a readable
 * "please reload" page, not the 500 of an unexpected error.
 */
@WebFilter(servletNames = "Faces Servlet")
public class ExpiredForms extends HttpFilter {

    /** Request attribute the error page reads to explain an expired form. */
    public static final String EXPIRED = "videotermin.formExpired";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!expired(e) || response.isCommitted()) {
                throw e;
            }
            request.setAttribute(EXPIRED, Boolean.TRUE);
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
        }
    }

    private static boolean expired(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ViewExpiredException) {
                return true;
            }
        }
        return false;
    }
}
