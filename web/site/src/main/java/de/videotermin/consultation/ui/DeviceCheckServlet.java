package de.videotermin.consultation.ui;

import de.videotermin.appointment.boundary.AppointmentNotFoundException;
import de.videotermin.consultation.boundary.DeviceCheckReport;
import de.videotermin.consultation.boundary.DeviceChecks;
import de.videotermin.consultation.entity.DeviceCheck;
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
 */
@WebServlet("/citizen/device-check")
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
            DeviceCheck check = checks.record(request.getParameter("t"), report);
            response.setContentType("application/json");
            response.getWriter().write(JSON.toJson(Map.of("verdict", check.getVerdict())));
        } catch (AppointmentNotFoundException e) {
            problem(response, 404, "not-found", "No appointment for this link.");
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
