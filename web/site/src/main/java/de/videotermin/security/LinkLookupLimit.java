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
 * The link-guessing limit ({@link LinkGuard}) also in front of the citizen endpoints that look a link
 * up themselves and had no guard: consent withdrawal, the device-check report, the survey and the
 * self-service page, and an invited guest's withdrawal and device-check report. Without it, a client locked out of the link page could go on guessing here.
 * A blocked client gets 429 with Retry-After and the readable error page; the endpoint's own answers
 * (204, 404 problem details, "unknown link" pages) are unchanged otherwise.
 */
@WebFilter({"/citizen/withdraw", "/citizen/device-check", "/citizen/feedback.xhtml", "/citizen/manage.xhtml",
        "/guest/withdraw", "/guest/device-check"})
public class LinkLookupLimit extends HttpFilter {

    @Inject
    LinkGuard guard;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // Faces posts back without the token in the query when the page carries it in a hidden field;
        // only requests that name a link are checked (the others cannot look anything up).
        TicketRequestLimit.utf8(request);
        String token = request.getParameter(request.getServletPath().startsWith("/guest/") ? "g" : "t");
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!request.getServletPath().endsWith(".xhtml")) {
            // the servlets answer an unknown link with 404 (a malformed report with 400 before any lookup)
            if (!guard.mayLookUp(request)) {
                TicketRequestLimit.refuse(request, response, guard.lookUpRetryAfterSeconds());
                return;
            }
            chain.doFilter(request, response);
            if (response.getStatus() == HttpServletResponse.SC_NOT_FOUND) {
                guard.recordFailure(request);
            }
            return;
        }
        // the pages show "unknown link" with 200, so the link is looked up here
        if (!guard.admits(request, token)) {
            TicketRequestLimit.refuse(request, response, guard.lookUpRetryAfterSeconds());
            return;
        }
        chain.doFilter(request, response);
    }
}
