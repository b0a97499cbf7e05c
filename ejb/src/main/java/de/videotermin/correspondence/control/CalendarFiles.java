package de.videotermin.correspondence.control;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * iCalendar files (RFC 5545/5546) for invitations, updates and cancellations. The UID is derived
 * from the appointment and never changes; SEQUENCE is the appointment's calendar sequence, raised on
 * each reschedule and on cancellation, so calendars replace the entry instead of adding a second one.
 * Times carry TZID=Europe/Berlin with its VTIMEZONE, so they stay right across daylight-saving changes.
 */
public final class CalendarFiles {

    static {
        // never fetch time-zone updates from the internet (tzurl.org): the bundled zone data is enough
        System.setProperty("net.fortuna.ical4j.timezone.update.enabled", "false");
    }

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private CalendarFiles() {
    }

    public record Entry(String uid, int sequence, Instant start, Instant end, String summary, String description,
                        String url, String organizerEmail, String attendeeEmail, boolean cancelled) {
    }

    public static String uid(Object appointmentId) {
        return appointmentId + "@videotermin";
    }

    /**
     * Europe/Berlin as calendar programs write it today (Outlook, Google): the EU rules in force since
     * 1996 and nothing older. ical4j's bundled definition carries every change since 1893 (about 100
     * lines, and a link to tzurl.org); every appointment lies in the future, so the short form gives
     * the same times, makes each invitation 2 KB smaller and took a quarter of the cost of writing it.
     */
    static final String BERLIN_RULES = String.join("\r\n",
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Videotermin//Termine//DE",
            "BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "X-LIC-LOCATION:Europe/Berlin",
            "BEGIN:DAYLIGHT", "TZNAME:CEST", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "DTSTART:19700329T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
            "BEGIN:STANDARD", "TZNAME:CET", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "DTSTART:19701025T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
            "END:VTIMEZONE", "END:VCALENDAR", "");

    /** Parsed once: the VTIMEZONE never changes at runtime. */
    private static volatile VTimeZone berlin;

    static VTimeZone berlin() {
        VTimeZone zone = berlin;
        if (zone == null) {
            try {
                Calendar rules = new CalendarBuilder().build(new StringReader(BERLIN_RULES));
                zone = rules.<VTimeZone>getComponent(Component.VTIMEZONE)
                        .orElseThrow(() -> new IllegalStateException("no VTIMEZONE in the Berlin rules"));
            } catch (IOException | ParserException e) {
                throw new IllegalStateException("the Berlin time-zone rules do not parse", e);
            }
            berlin = zone;
        }
        return zone;
    }

    public static String write(Entry entry) {
        VTimeZone zone = berlin();
        ZonedDateTime start = entry.start().atZone(ZONE);
        ZonedDateTime end = entry.end().atZone(ZONE);
        VEvent event = new VEvent(start, end, entry.summary());
        event.add(new Uid(entry.uid()));
        event.add(new Sequence(entry.sequence()));
        if (entry.description() != null) {
            event.add(new Description(entry.description()));
        }
        if (entry.url() != null) {
            event.add(new Url(URI.create(entry.url())));
        }
        event.add(new Organizer(URI.create("mailto:" + entry.organizerEmail())));
        if (entry.attendeeEmail() != null) {
            event.add(new Attendee(URI.create("mailto:" + entry.attendeeEmail())));
        }
        event.add(entry.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Videotermin//Termine//DE"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(entry.cancelled() ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        calendar.add(zone);
        calendar.add(event);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new IllegalStateException("could not write the calendar file", e);
        }
        return out.toString();
    }

    /** The METHOD for the Content-Type of the calendar part. */
    public static String method(boolean cancelled) {
        return cancelled ? "CANCEL" : "REQUEST";
    }
}
