package de.videotermin.security;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * Logs when a signed-in staff member is refused a page (403), with the roles of their session's token (what
 * {@link StaffAreas} decides by) and the roles the container sees for them at that moment, so that an account
 * missing a group can be told apart from a page that is simply not theirs. The path without its query; staff
 * user names only.
 */
@WebFilter(urlPatterns = "/error.xhtml", dispatcherTypes = DispatcherType.ERROR)
public class ForbiddenLog extends HttpFilter {

    @Inject
    SignedInStaff staff;

    private static final Logger LOG = Logger.getLogger(ForbiddenLog.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (Integer.valueOf(HttpServletResponse.SC_FORBIDDEN).equals(request.getAttribute("jakarta.servlet.error.status_code"))
                && request.getUserPrincipal() != null) {
            String roles = "advisor=" + staff.hasRole(Roles.ADVISOR) + " analyst=" + staff.hasRole(Roles.ANALYST)
                    + " admin=" + staff.hasRole(Roles.ADMIN) + " (the container's: advisor=" + request.isUserInRole(Roles.ADVISOR)
                    + " analyst=" + request.isUserInRole(Roles.ANALYST) + " admin=" + request.isUserInRole(Roles.ADMIN) + ")";
            LOG.warning(() -> "403 for " + request.getUserPrincipal().getName() + " on "
                    + request.getAttribute("jakarta.servlet.error.request_uri") + "; roles seen: " + roles);
        }
        chain.doFilter(request, response);
    }
}
