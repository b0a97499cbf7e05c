package de.videotermin.consultation.ui;

import de.videotermin.appointment.boundary.AppointmentNotFoundException;
import de.videotermin.consultation.boundary.DeviceCheckReport;
import de.videotermin.consultation.boundary.DeviceChecks;
import de.videotermin.consultation.boundary.GuestLinkClosedException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Receives the browser's device-test result ({@code POST /citizen/device-check?t=<link token>},
 * JSON) and answers with the server's verdict. Bad input gets a 400 problem document.
 * An invited guest's test posts the same report to {@code /guest/device-check?g=<guest link token>}:
 * judged the same way, not stored (see {@link DeviceChecks#judgeForGuest}); a revoked invitation gets 410.
 */
@WebServlet({"/citizen/device-check", "/guest/device-check"})
public class DeviceCheckServlet extends HttpServlet {

    private static final int MAX_BODY = 4096;
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    DeviceChecks checks;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DeviceCheckReport report;
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                problem(response, 413, "too-large", "The report is too large.");
                return;
            }
            report = JSON.fromJson(new String(body, java.nio.charset.StandardCharsets.UTF_8), DeviceCheckReport.class);
        } catch (JsonbException e) {
            problem(response, 400, "invalid-input", "The report is not valid JSON of the expected shape.");
            return;
        }
        if (report == null) {
            problem(response, 400, "invalid-input", "The report is empty.");
            return;
        }
        try {
            String verdict = request.getServletPath().startsWith("/guest/")
                    ? checks.judgeForGuest(request.getParameter("g"), report).name()
                    : checks.record(request.getParameter("t"), report).getVerdict();
            response.setContentType("application/json");
            response.getWriter().write(JSON.toJson(Map.of("verdict", verdict)));
        } catch (AppointmentNotFoundException e) {
            problem(response, 404, "not-found", "No appointment for this link.");
        } catch (GuestLinkClosedException e) {
            problem(response, 410, "invitation-withdrawn", "The advisor withdrew this invitation.");
        } catch (EJBException e) {
            if (e.getCause() instanceof ConstraintViolationException) {
                problem(response, 400, "invalid-input", "The report has values out of range.");
            } else {
                throw e;
            }
        } catch (ConstraintViolationException e) {
            problem(response, 400, "invalid-input", "The report has values out of range.");
        }
    }

    private static void problem(HttpServletResponse response, int status, String kind, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.toJson(Map.of("type", "https://videotermin.de/problems/" + kind,
                "title", detail, "status", status)));
    }
}
