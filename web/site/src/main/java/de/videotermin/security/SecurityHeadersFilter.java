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
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Security headers on every response of the site.
 *
 * <p>The Content-Security-Policy allows only our own origin: no inline script or style anywhere
 * (pages pass data in data-* attributes), no third-party host, no framing. Forms may also post to
 * the identity provider, because sign-out ends the Keycloak session by redirecting there (Chrome
 * applies form-action to redirects). Camera, microphone and screen capture are granted only to
 * the pages that need them. Pages behind a citizen's link or a staff login are never cached.
 * Error pages get the headers too (ERROR dispatch), whichever filter refused the request first.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    @Inject
    @ConfigProperty(name = "videotermin.oidc.provider-uri")
    String providerUri;

    private String contentSecurityPolicy;

    @Override
    public void init() {
        URI provider = URI.create(providerUri);
        String providerOrigin = provider.getScheme() + "://" + provider.getAuthority();
        contentSecurityPolicy = String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data:",
                "media-src 'self' blob: mediastream:",
                "connect-src 'self'",
                "font-src 'self'",
                "object-src 'none'",
                "base-uri 'none'",
                "frame-ancestors 'none'",
                "form-action 'self' " + providerOrigin);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Permissions-Policy", needsMedia(request)
                ? "camera=(self), microphone=(self), display-capture=(self), speaker-selection=(self), geolocation=(), payment=(), usb=()"
                : "camera=(), microphone=(), display-capture=(), geolocation=(), payment=(), usb=()");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        String path = request.getServletPath();
        if (!path.startsWith("/jakarta.faces.resource") && !path.startsWith("/resources")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }

    private static boolean needsMedia(HttpServletRequest request) {
        String path = request.getServletPath();
        return path.endsWith("/room.xhtml") || path.endsWith("/devices.xhtml");
    }
}
