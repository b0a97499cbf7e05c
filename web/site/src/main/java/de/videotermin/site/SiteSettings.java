package de.videotermin.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where the site lives and how it shows times (always Europe/Berlin, the agency's zone). */
@Named("site")
@ApplicationScoped
public class SiteSettings {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @Inject
    @ConfigProperty(name = "videotermin.base-url")
    String baseUrl;

    /** The citizen's personal link for a link token. */
    public String citizenLink(String linkToken) {
        return stripSlash(baseUrl) + "/t/" + linkToken;
    }

    /** The personal link of an invited guest (an interpreter, a relative) for a link token. */
    public String guestLink(String linkToken) {
        return stripSlash(baseUrl) + "/g/" + linkToken;
    }

    /** The signalling URL of a room, on the host the browser used to reach us. */
    public String signallingUrl(HttpServletRequest request, String roomId) {
        String scheme = request.isSecure() ? "wss" : "ws";
        String host = request.getHeader("Host");
        if (host == null || host.isBlank()) {
            host = request.getServerName() + ":" + request.getServerPort();
        }
        return scheme + "://" + host + "/signalling/rooms/" + roomId;
    }

    public String formatDateTime(Instant instant, Locale locale) {
        return ZonedDateTime.ofInstant(instant, ZONE)
                .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT).withLocale(locale));
    }

    public String formatDate(Instant instant, Locale locale) {
        return ZonedDateTime.ofInstant(instant, ZONE)
                .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    public String formatTime(Instant instant, Locale locale) {
        return ZonedDateTime.ofInstant(instant, ZONE)
                .format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
