package de.videotermin.consent.ui;

import de.videotermin.appointment.boundary.AppointmentNotFoundException;
import de.videotermin.appointment.boundary.Appointments;
import de.videotermin.consent.boundary.Consents;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /citizen/withdraw?t=<link token>}: the citizen withdraws consent, also in the middle
 * of the call. The ledger records it first; the room page then tells signalling, which ends the
 * call for both. Answers 204, or 404 for an unknown link.
 */
@WebServlet("/citizen/withdraw")
public class ConsentWithdrawalServlet extends HttpServlet {

    @Inject
    Appointments appointments;

    @Inject
    Consents consents;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            consents.withdraw(appointments.byLinkToken(request.getParameter("t")).getId());
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } catch (AppointmentNotFoundException e) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"https://videotermin.de/problems/not-found\",\"title\":\"No appointment for this link.\",\"status\":404}");
        }
    }
}
