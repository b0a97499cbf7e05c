package de.videotermin.correspondence.ui;

import de.videotermin.appointment.boundary.AppointmentNotFoundException;
import de.videotermin.appointment.boundary.Appointments;
import de.videotermin.appointment.boundary.Caller;
import de.videotermin.correspondence.boundary.Correspondence;
import de.videotermin.correspondence.entity.OutboxMessage;
import de.videotermin.security.SignedInStaff;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;

/** /advisor/letter?id=…: the printable letter (PDF) for a citizen without email, for the advisor who holds the appointment. */
@WebServlet("/advisor/letter")
public class LetterServlet extends HttpServlet {

    @Inject
    Correspondence correspondence;

    @Inject
    Appointments appointments;

    @Inject
    SignedInStaff staff;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OutboxMessage letter;
        try {
            letter = correspondence.message(UUID.fromString(String.valueOf(request.getParameter("id"))));
            if (letter == null || letter.getPdf() == null) {
                throw new AppointmentNotFoundException();
            }
            appointments.byId(letter.getAppointmentId(), Caller.advisor(staff.advisorIdentity()));
        } catch (IllegalArgumentException | AppointmentNotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"brief.pdf\"");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(letter.getPdf());
    }
}
