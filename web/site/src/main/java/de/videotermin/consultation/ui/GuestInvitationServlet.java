package de.videotermin.consultation.ui;

import de.videotermin.appointment.boundary.AppointmentNotFoundException;
import de.videotermin.consultation.boundary.GuestInvitationException;
import de.videotermin.consultation.boundary.GuestLink;
import de.videotermin.consultation.boundary.Guests;
import de.videotermin.consultation.entity.GuestInvitation;
import de.videotermin.consultation.entity.GuestKind;
import de.videotermin.correspondence.boundary.Correspondence;
import de.videotermin.security.SignedInStaff;
import de.videotermin.site.SiteSettings;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.UUID;

/**
 * {@code POST /advisor/guests}: the advisor invites one more person into a consultation
 * ({@code action=invite}, {@code room}, {@code kind}, {@code name}, {@code language}, optional {@code email}:
 * then the outbox sends the invitation too) or withdraws the
 * invitation ({@code action=revoke}, {@code room}, {@code guest}). Called by room-guests.js on the
 * advisor's room page, so that the running call is not interrupted by a page load. Protected by the
 * advisor role (web.xml) and the session's CSRF token. Errors are problem details with an English title;
 * the page shows its own localised text for each problem type.
 */
@WebServlet("/advisor/guests")
public class GuestInvitationServlet extends HttpServlet {

    @Inject
    Guests guests;

    @Inject
    SignedInStaff staff;

    @Inject
    SiteSettings site;

    @Inject
    Correspondence correspondence;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!csrfMatches(request)) {
            Problems.send(response, 403, "csrf", "The form is outdated; reload the page.");
            return;
        }
        String room = request.getParameter("room");
        if (room == null || !room.matches("[A-Za-z0-9_-]{1,64}")) {
            Problems.send(response, 404, "not-found", "No such appointment of yours.");
            return;
        }
        try {
            String action = String.valueOf(request.getParameter("action"));
            if (action.equals("invite")) {
                GuestLink link = guests.invite(room, staff.advisorIdentity(), kind(request.getParameter("kind")),
                        request.getParameter("name"), request.getParameter("language"), request.getParameter("email"));
                write(response, 201, withMail(describe(link.invitation()), link.invitation())
                        .add("link", site.guestLink(link.token()) + "?lang=" + link.invitation().getLanguage()));
            } else if (action.equals("revoke")) {
                GuestInvitation revoked = guests.revoke(room, staff.advisorIdentity(), uuid(request.getParameter("guest")));
                write(response, 200, describe(revoked).add("revoked", true));
            } else {
                Problems.send(response, 400, "bad-request", "Unknown action.");
            }
        } catch (GuestInvitationException e) {
            int status = e.reason() == GuestInvitationException.Reason.NAME_INVALID
                    || e.reason() == GuestInvitationException.Reason.EMAIL_INVALID ? 422 : 409;
            Problems.send(response, status, "guest-" + e.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    switch (e.reason()) {
                        case NAME_INVALID -> "The name must have 1 to 80 characters.";
                        case ALREADY_INVITED -> "Another person is already invited; withdraw that invitation first.";
                        case APPOINTMENT_CLOSED -> "The appointment is over or cancelled.";
                        case EMAIL_INVALID -> "The e-mail address is not valid; leave it empty to pass the link on yourself.";
                    });
        } catch (jakarta.ejb.EJBException e) {
            if (!raceForTheOneGuest(e)) {
                throw e;
            }
            // two invitations at the same moment (a double click): the database's one-guest index decided
            Problems.send(response, 409, "guest-already-invited", "Another person is already invited; withdraw that invitation first.");
        } catch (AppointmentNotFoundException | IllegalArgumentException e) {
            Problems.send(response, 404, "not-found", "No such appointment or guest of yours.");
        }
    }

    /**
     * {@code GET /advisor/guests?room=}: the guest invited now and the state of their invitation mail
     * ({@code mail.status}: PENDING, RETRYING, SENT, FAILED), for the panel to follow the outbox.
     * 204 when nobody is invited. Never the link or the address.
     */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String room = request.getParameter("room");
        if (room == null || !room.matches("[A-Za-z0-9_-]{1,64}")) {
            Problems.send(response, 404, "not-found", "No such appointment of yours.");
            return;
        }
        try {
            java.util.Optional<GuestInvitation> guest = guests.current(room, staff.advisorIdentity());
            if (guest.isEmpty()) {
                response.setStatus(204);
                return;
            }
            write(response, 200, withMail(describe(guest.get()), guest.get()));
        } catch (AppointmentNotFoundException e) {
            Problems.send(response, 404, "not-found", "No such appointment of yours.");
        }
    }

    /** Adds {@code mail: {status, sentAt}} when an invitation mail was queued for the guest. */
    private JsonObjectBuilder withMail(JsonObjectBuilder body, GuestInvitation guest) {
        correspondence.guestInvitation(guest.getId()).ifPresent(m -> {
            JsonObjectBuilder mail = Json.createObjectBuilder().add("status", m.getStatus().name());
            if (m.getSentAt() != null) {
                mail.add("sentAt", m.getSentAt().toString());
            }
            body.add("mail", mail);
        });
        return body;
    }

    private static boolean raceForTheOneGuest(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("guest_invitation_one_active")) {
                return true;
            }
        }
        return false;
    }

    private static JsonObjectBuilder describe(GuestInvitation guest) {
        return Json.createObjectBuilder()
                .add("id", guest.getId().toString())
                .add("participantId", guest.getParticipantId())
                .add("name", guest.getDisplayName())
                .add("kind", guest.getKind().name());
    }

    private static void write(HttpServletResponse response, int status, JsonObjectBuilder body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store"); // the body holds a personal link
        response.getWriter().write(body.build().toString());
    }

    private static GuestKind kind(String value) {
        try {
            return value == null ? GuestKind.OTHER : GuestKind.valueOf(value);
        } catch (IllegalArgumentException e) {
            return GuestKind.OTHER;
        }
    }

    private static UUID uuid(String value) {
        if (value == null) {
            throw new IllegalArgumentException("guest id missing");
        }
        return UUID.fromString(value);
    }

    private boolean csrfMatches(HttpServletRequest request) {
        String given = request.getParameter("csrf");
        String expected = staff.getCsrfToken();
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
