package de.videotermin.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Where Keycloak sends the browser back to. The OpenID Connect mechanism has already exchanged the
 * code and signed the user in when this runs; it only sends them on to their start page. (A failed
 * exchange never gets here: the mechanism answers it.)
 */
@WebServlet("/callback")
public class SignInCallbackServlet extends HttpServlet {

    @Inject
    SignedInStaff staff;

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(SignInCallbackServlet.class.getName());

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Session fixation: whatever session id existed before signing in is not the signed-in one.
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        String target = staff.hasRole(Roles.ADVISOR) || staff.hasRole(Roles.ADMIN)
                ? "/advisor/"
                : staff.hasRole(Roles.ANALYST) ? "/analyst/" : "/";
        if ("/".equals(target)) {
            // A staff account without any of our roles: the identity provider sent no (known) groups. Rare, and
            // each time a test saw it the account did have its group; the log says when it happens.
            LOG.warning(() -> "signed in without a Videotermin role (groups claim missing or unknown) for "
                    + (request.getUserPrincipal() == null ? "no principal" : request.getUserPrincipal().getName()));
        }
        response.sendRedirect(request.getContextPath() + target);
    }
}
