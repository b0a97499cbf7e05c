package de.videotermin.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Makes Payara's MP-JWT mechanism the one this WAR uses (bearer tokens only, never a sign-in redirect).
 *
 * <p>Why this exists: in an EAR, the MP-JWT extension and Soteria's OpenID Connect extension (from
 * the site WAR) each add an application-wide mechanism bean and Jakarta Security 3 resolves exactly
 * one by type (WELD-001318 otherwise). This prioritised alternative wins that resolution in this WAR;
 * the site WAR has its own.
 *
 * <p>A token the mechanism accepted is not verified again until it expires ({@link VerifiedTokens}).
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class ApiAuthentication implements HttpAuthenticationMechanism {

    static final String JWT_MECHANISM = "fish.payara.microprofile.jwtauth.eesecurity.JWTAuthenticationMechanism";

    @Inject
    BeanManager beanManager;

    private volatile HttpAuthenticationMechanism delegate;

    private final VerifiedTokens verified = new VerifiedTokens(java.time.Clock.systemUTC());

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        java.util.Optional<String> token = VerifiedTokens.bearer(request.getHeader("Authorization"));
        if (token.isPresent()) {
            java.util.Optional<VerifiedTokens.Verified> known = verified.lookup(token.get());
            if (known.isPresent()) {
                return context.notifyContainerAboutLogin(known.get().caller(), known.get().groups());
            }
        }
        AuthenticationStatus status = delegate().validateRequest(request, response, context);
        if (token.isPresent() && status == AuthenticationStatus.SUCCESS
                && context.getCallerPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken jwt) {
            verified.remember(token.get(), jwt, context.getGroups(), jwt.getExpirationTime());
        }
        return status;
    }

    @Override
    public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response,
                                               HttpMessageContext context) throws AuthenticationException {
        return delegate().secureResponse(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        delegate().cleanSubject(request, response, context);
    }

    private HttpAuthenticationMechanism delegate() {
        HttpAuthenticationMechanism current = delegate;
        if (current == null) {
            Bean<?> jwt = beanManager.getBeans(HttpAuthenticationMechanism.class).stream()
                    .filter(bean -> bean.getTypes().stream().anyMatch(type -> type.getTypeName().equals(JWT_MECHANISM)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the MP-JWT mechanism is not installed"));
            current = (HttpAuthenticationMechanism) beanManager.getReference(jwt, HttpAuthenticationMechanism.class,
                    beanManager.createCreationalContext(jwt));
            delegate = current;
        }
        return current;
    }
}
