package de.videotermin.correspondence.control;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
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

    /** Loading ical4j's zone data is expensive (tens of milliseconds); the VTIMEZONE never changes at runtime. */
    private static volatile VTimeZone berlin;

    private static VTimeZone berlin() {
        VTimeZone zone = berlin;
        if (zone == null) {
            TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
            zone = registry.getTimeZone(ZONE.getId()).getVTimeZone();
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
