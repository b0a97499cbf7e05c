package de.videotermin.consultation.signalling;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Signalling authenticates with join tickets, not with a container login.
 *
 * <p>Why this exists: inside the EAR, the site WAR's OpenID Connect extension and the API WAR's
 * MP-JWT extension each add an application-wide authentication mechanism bean, and Jakarta
 * Security 3 must resolve exactly one per request; without a choice of its own every WebSocket
 * upgrade here fails with WELD-001318. This prioritised alternative (visible only in this WAR)
 * wins and lets every request through unauthenticated; {@link RoomEndpoint} checks the ticket.
 * Standalone on Payara Micro there is no other mechanism and this one is simply used.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class NoContainerAuthentication implements HttpAuthenticationMechanism {

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        return context.doNothing();
    }
}
