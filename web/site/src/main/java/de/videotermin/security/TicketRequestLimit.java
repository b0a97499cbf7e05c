package de.videotermin.security;

import de.videotermin.site.LinkGuard;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Rate limit on join tickets: the room pages (citizen, advisor and an invited guest) issue a signed ticket for the
 * signalling WebSocket on every request, so they are limited per client and per appointment link
 * ({@link LinkGuard#ticketRetryAfterSeconds}). Over the limit the page is not rendered and no ticket
 * is issued: HTTP 429 with {@code Retry-After} and the readable error page. A normal join asks once,
 * a reload once more; reconnecting sockets reuse the ticket the server renews over the socket.
 */
@WebFilter({"/citizen/room.xhtml", "/advisor/room.xhtml", "/guest/room.xhtml"})
public class TicketRequestLimit extends HttpFilter {

    /** Request attribute the error page reads to say how long to wait. */
    public static final String RETRY_AFTER = "videotermin.retryAfterSeconds";

    @Inject
    LinkGuard guard;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        utf8(request);
        String link = switch (request.getServletPath()) {
            case "/advisor/room.xhtml" -> request.getParameter("room");
            case "/guest/room.xhtml" -> request.getParameter("g"); // a third participant's own link (issue 5)
            default -> request.getParameter("t");
        };
        long retryAfter = guard.ticketRetryAfterSeconds(request, link);
        if (retryAfter > 0) {
            refuse(request, response, retryAfter);
            return;
        }
        chain.doFilter(request, response);
    }

    /** 429 with Retry-After and the readable error page (which says how long to wait). */
    static void refuse(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds) throws IOException {
        request.setAttribute(RETRY_AFTER, retryAfterSeconds);
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        response.sendError(429);
    }

    /** Before the first parameter is read: posts are UTF-8 (reading one would fix the container's default). */
    static void utf8(HttpServletRequest request) throws IOException {
        if (request.getCharacterEncoding() == null) {
            request.setCharacterEncoding("UTF-8");
        }
    }
}
