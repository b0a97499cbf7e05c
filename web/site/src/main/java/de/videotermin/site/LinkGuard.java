package de.videotermin.site;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import de.videotermin.appointment.boundary.AppointmentNotFoundException;
import de.videotermin.appointment.boundary.Appointments;
import de.videotermin.appointment.entity.Appointment;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Rate-limits guessing of citizens' link tokens: after too many unknown links from one client
 * within a window, that client gets a "too many attempts" page until the window has passed. It also
 * limits requests for join tickets (the room pages issue them) per client and per appointment link,
 * see {@link #ticketRetryAfterSeconds}; both use the same fixed windows ({@link RateWindows}).
 * Guessing 256-bit tokens is hopeless anyway; this keeps the database and the logs quiet and makes
 * an attempt visible. Clients are kept as a salted hash of their address, in memory only, and
 * forgotten when their window ends.
 */
@ApplicationScoped
public class LinkGuard {

    @Inject
    @ConfigProperty(name = "videotermin.citizen.link-failures-allowed", defaultValue = "10")
    int failuresAllowed;

    @Inject
    @ConfigProperty(name = "videotermin.citizen.link-failure-window-seconds", defaultValue = "600")
    long windowSeconds;

    @Inject
    @ConfigProperty(name = "videotermin.ticket.requests-per-client", defaultValue = "60")
    int ticketsPerClient;

    @Inject
    @ConfigProperty(name = "videotermin.ticket.requests-per-link", defaultValue = "30")
    int ticketsPerLink;

    @Inject
    @ConfigProperty(name = "videotermin.ticket.request-window-seconds", defaultValue = "300")
    long ticketWindowSeconds;

    private final Clock clock = Clock.systemUTC();
    private final byte[] salt = java.security.SecureRandom.getSeed(16);
    private RateWindows failures;
    private RateWindows ticketsByClient;
    private RateWindows ticketsByLink;

    /** Operators see ticket requests and refusals at /metrics (counts only). */
    @Inject
    Instance<MetricRegistry> registries;

    private Counter ticketsRequested;
    private Counter ticketsRefused;

    @PostConstruct
    void limits() {
        failures = new RateWindows(failuresAllowed, windowSeconds, clock::millis);
        ticketsByClient = new RateWindows(ticketsPerClient, ticketWindowSeconds, clock::millis);
        ticketsByLink = new RateWindows(ticketsPerLink, ticketWindowSeconds, clock::millis);
        if (registries != null && registries.isResolvable()) {
            ticketsRequested = registries.get().counter("videotermin.tickets.requested");
            ticketsRefused = registries.get().counter("videotermin.tickets.refused");
        }
    }

    @Inject
    Appointments appointments;

    /** What a citizen's link led to on this request: the appointment, or why not (status already set). */
    public record Lookup(Appointment appointment, boolean blocked) {
        public boolean found() {
            return appointment != null;
        }
    }

    /**
     * Looks up the appointment behind a citizen's link token for the current Faces request: a
     * blocked client gets 429, an unknown link 404 (and counts as a failure), before the page renders.
     */
    public Lookup lookUp(String token) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        if (!mayLookUp(request)) {
            response.setStatus(429);
            return new Lookup(null, true);
        }
        try {
            return new Lookup(appointments.byLinkToken(token), false);
        } catch (AppointmentNotFoundException e) {
            recordFailure(request);
            response.setStatus(404);
            return new Lookup(null, false);
        }
    }

    /**
     * For endpoints that look a link up on their own (servlets, pages without a guard of their own):
     * false when this client is blocked; otherwise an unknown link counts as a failure, and the
     * endpoint goes on to answer as it always does.
     */
    public boolean admits(HttpServletRequest request, String token) {
        if (!mayLookUp(request)) {
            return false;
        }
        try {
            appointments.byLinkToken(token);
        } catch (AppointmentNotFoundException e) {
            recordFailure(request);
        }
        return true;
    }

    /** Seconds until this client may look links up again (for Retry-After; the window is fixed). */
    public long lookUpRetryAfterSeconds() {
        return windowSeconds;
    }

    public boolean mayLookUp(HttpServletRequest request) {
        return failures.isOpen(clientKey(request));
    }

    public void recordFailure(HttpServletRequest request) {
        failures.count(clientKey(request));
    }

    /**
     * Counts one request for a join ticket (a room page) by this client and for this appointment
     * link. Returns 0 when it may have one, otherwise the seconds until it may ask again. The client is
     * the signed-in staff member where there is one (a whole agency may share one address), else the
     * address; the link is the citizen's link token or the advisor's room, kept only as a salted hash.
     */
    public long ticketRetryAfterSeconds(HttpServletRequest request, String link) {
        String client = request.getRemoteUser() != null ? key("staff", request.getRemoteUser()) : clientKey(request);
        long byClient = ticketsByClient.take(client);
        long byLink = link == null || link.isBlank() ? 0 : ticketsByLink.take(key("link", link));
        long retryAfter = Math.max(byClient, byLink);
        if (ticketsRequested != null) {
            ticketsRequested.inc();
            if (retryAfter > 0) {
                ticketsRefused.inc();
            }
        }
        return retryAfter;
    }

    private String clientKey(HttpServletRequest request) {
        return key("address", request.getRemoteAddr());
    }

    private String key(String kind, String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            digest.update(kind.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
