package de.videotermin.security;

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
 * Makes the OpenID Connect mechanism the one this WAR uses.
 *
 * <p>Why this exists: in an EAR, Payara's MP-JWT extension (triggered by the API WAR's
 * {@code @LoginConfig}) and Soteria's OpenID Connect extension each add an application-wide
 * {@link HttpAuthenticationMechanism} bean, and Jakarta Security 3 resolves exactly one mechanism
 * by type: every request then fails with WELD-001318 (ambiguous). An alternative with a priority
 * wins that resolution; WAR classes are invisible to other WARs, so each WAR gets its own.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class SiteAuthentication implements HttpAuthenticationMechanism {

    /** Payara's MP-JWT mechanism type; everything else that is not us is the OpenID Connect one. */
    static final String JWT_MECHANISM = "fish.payara.microprofile.jwtauth.eesecurity.JWTAuthenticationMechanism";

    @Inject
    BeanManager beanManager;

    private volatile HttpAuthenticationMechanism delegate;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        return delegate().validateRequest(request, response, context);
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
            Bean<?> openId = beanManager.getBeans(HttpAuthenticationMechanism.class).stream()
                    .filter(bean -> bean.getBeanClass() != SiteAuthentication.class)
                    .filter(bean -> bean.getTypes().stream().noneMatch(type -> type.getTypeName().equals(JWT_MECHANISM)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the OpenID Connect mechanism is not installed"));
            current = (HttpAuthenticationMechanism) beanManager.getReference(openId, HttpAuthenticationMechanism.class,
                    beanManager.createCreationalContext(openId));
            delegate = current;
        }
        return current;
    }
}
