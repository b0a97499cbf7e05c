package de.videotermin.site;

import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rate-limits guessing of citizens' link tokens: after too many unknown links from one client
 * within a window, that client gets a "too many attempts" page until the window has passed.
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

    private final Clock clock = Clock.systemUTC();
    private final byte[] salt = java.security.SecureRandom.getSeed(16);
    private final ConcurrentHashMap<String, Window> failures = new ConcurrentHashMap<>();

    private record Window(long startedAt, int count) {
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

    public boolean mayLookUp(HttpServletRequest request) {
        long now = clock.millis();
        Window window = failures.get(clientKey(request));
        return window == null || now - window.startedAt() > windowSeconds * 1000 || window.count() < failuresAllowed;
    }

    public void recordFailure(HttpServletRequest request) {
        long now = clock.millis();
        failures.compute(clientKey(request), (key, window) ->
                window == null || now - window.startedAt() > windowSeconds * 1000
                        ? new Window(now, 1)
                        : new Window(window.startedAt(), window.count() + 1));
        if (failures.size() > 10_000) {
            failures.entrySet().removeIf(e -> now - e.getValue().startedAt() > windowSeconds * 1000);
        }
    }

    private String clientKey(HttpServletRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            digest.update(request.getRemoteAddr().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
