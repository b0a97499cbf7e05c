package de.videotermin.consultation.ui;

import de.videotermin.appointment.boundary.AppointmentNotFoundException;
import de.videotermin.consent.boundary.Consents;
import de.videotermin.consultation.boundary.GuestLinkClosedException;
import de.videotermin.consultation.boundary.Guests;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /guest/withdraw?g=<guest link token>}: an invited guest withdraws their own consent, also
 * during the call. The ledger records it first; the room page then tells signalling, and the guest
 * leaves while the consultation goes on. 204, or 404 for an unknown link, 410 for a withdrawn one.
 */
@WebServlet("/guest/withdraw")
public class GuestWithdrawalServlet extends HttpServlet {

    @Inject
    Guests guests;

    @Inject
    Consents consents;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            consents.withdrawAsGuest(guests.byLinkToken(request.getParameter("g")).getId());
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } catch (AppointmentNotFoundException e) {
            Problems.send(response, 404, "not-found", "No invitation for this link.");
        } catch (GuestLinkClosedException e) {
            Problems.send(response, 410, "invitation-withdrawn", "The advisor withdrew this invitation.");
        }
    }
}
