package de.videotermin.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Who may enter which staff area ({@code /advisor/*}, {@code /admin/*}, {@code /analyst/*}): the roles come
 * from the groups claim of the signed-in session's ID token ({@link SignedInStaff#hasRole}), checked here on
 * every request; web.xml only asks the container for a signed-in user there ({@code **}).
 *
 * <p>Why not the container's roles: on Payara 6.2025.10 a signed-in session loses its roles for single
 * requests when several staff members work at the same time (two users, eight parallel clients each: about
 * 1 % of requests answered 403 with the user still signed in, none with one user alone; seen in CI as a
 * random "not allowed" right after signing in). The mechanism re-establishes the session's principal on every
 * request without its groups, and Payara's callback handler finds them again only through a thread-bound
 * security context that may belong to another user's earlier request. The ID token the session holds is the
 * same source the container's roles were made from at sign-in, so the decision is unchanged — only stable.
 */
@WebFilter(urlPatterns = {"/advisor/*", "/admin/*", "/analyst/*"})
public class StaffAreas extends HttpFilter {

    @Inject
    SignedInStaff staff;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Set<String> allowed = Roles.allowedFor(request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()));
        // an area mapped here but missing in Roles has no roles that open it: closed, not open to every account
        if (allowed.stream().anyMatch(staff::hasRole)) {
            chain.doFilter(request, response);
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }
}
