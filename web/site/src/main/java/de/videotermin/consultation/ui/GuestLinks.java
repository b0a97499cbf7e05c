package de.videotermin.consultation.ui;

import de.videotermin.appointment.boundary.AppointmentNotFoundException;
import de.videotermin.appointment.entity.Appointment;
import de.videotermin.consultation.boundary.GuestLinkClosedException;
import de.videotermin.consultation.boundary.Guests;
import de.videotermin.consultation.entity.GuestInvitation;
import de.videotermin.site.LinkGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Looks up the invitation behind a guest's link ({@code ?g=}) for the current Faces request, under the
 * same link-guessing limit as the citizen's pages ({@link LinkGuard}): a blocked client gets 429, an
 * unknown link 404 and counts as a failed guess, a withdrawn invitation 410 — before the page renders.
 * One place for every guest page (join, device test, room, receipt).
 */
@ApplicationScoped
public class GuestLinks {

    /** Why a guest's link led nowhere. */
    public enum Failure { NOT_FOUND, WITHDRAWN, TOO_MANY_ATTEMPTS }

    /** The invitation and its appointment, or the failure (status already set). */
    public record Lookup(GuestInvitation guest, Appointment appointment, Failure failure) {
        public boolean found() {
            return failure == null;
        }
    }

    @Inject
    Guests guests;

    @Inject
    LinkGuard guard;

    public Lookup lookUp(String token) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        if (!guard.mayLookUp(request)) {
            response.setStatus(429);
            return new Lookup(null, null, Failure.TOO_MANY_ATTEMPTS);
        }
        try {
            GuestInvitation guest = guests.byLinkToken(token);
            return new Lookup(guest, guests.appointmentOf(guest), null);
        } catch (AppointmentNotFoundException e) {
            guard.recordFailure(request);
            response.setStatus(404);
            return new Lookup(null, null, Failure.NOT_FOUND);
        } catch (GuestLinkClosedException e) {
            response.setStatus(410);
            return new Lookup(null, null, Failure.WITHDRAWN);
        }
    }
}
