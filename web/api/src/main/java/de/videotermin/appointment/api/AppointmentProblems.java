package de.videotermin.appointment.api;

import de.videotermin.appointment.boundary.DoubleBookingException;
import de.videotermin.appointment.boundary.IdempotencyKeyReusedException;
import de.videotermin.appointment.boundary.UnknownReferenceException;
import de.videotermin.appointment.entity.AppointmentClosedException;
import de.videotermin.problem.Problem;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** Problem documents (RFC 9457) for the appointment API's domain refusals and unreadable bodies. */
public final class AppointmentProblems {

    private static final String BASE = "https://videotermin.de/problems/";

    private AppointmentProblems() {
    }

    @Provider
    public static class DoubleBooking implements ExceptionMapper<DoubleBookingException> {
        @Override
        public Response toResponse(DoubleBookingException e) {
            String when = e.conflictStartsAt() == null ? "" : " (an appointment starting "
                    + e.conflictStartsAt().atZone(java.time.ZoneId.of("Europe/Berlin")).toOffsetDateTime() + ")";
            return Problem.of("double-booking", "Double booking", 409,
                    "The advisor already has an appointment at that time" + when + ".").toResponse();
        }
    }

    @Provider
    public static class Closed implements ExceptionMapper<AppointmentClosedException> {
        @Override
        public Response toResponse(AppointmentClosedException e) {
            return Problem.of("appointment-closed", "Appointment closed", 409,
                    "The appointment is " + e.status() + " and can no longer be changed.").toResponse();
        }
    }

    @Provider
    public static class UnknownReference implements ExceptionMapper<UnknownReferenceException> {
        @Override
        public Response toResponse(UnknownReferenceException e) {
            return new Problem(BASE + "unknown-reference", "Unknown reference", 422,
                    "The request refers to something that does not exist or is not offered.",
                    List.of(new Problem.Violation(e.field(), "unknown or inactive"))).toResponse();
        }
    }

    @Provider
    public static class InvalidSchedule implements ExceptionMapper<de.videotermin.appointment.boundary.InvalidScheduleException> {
        @Override
        public Response toResponse(de.videotermin.appointment.boundary.InvalidScheduleException e) {
            return new Problem(BASE + "invalid-input", "Invalid input", 400, "The request has invalid fields.",
                    List.of(new Problem.Violation(e.field(), e.getMessage()))).toResponse();
        }
    }

    @Provider
    public static class IdempotencyReused implements ExceptionMapper<IdempotencyKeyReusedException> {
        @Override
        public Response toResponse(IdempotencyKeyReusedException e) {
            return Problem.of("idempotency-key-reused", "Idempotency-Key reused", 422,
                    "This Idempotency-Key was already used for a different request.").toResponse();
        }
    }

    /** A body that is not JSON, or a value of the wrong shape (a date that is no date). */
    @Provider
    public static class Unreadable implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return unreadable();
        }
    }

    @Provider
    public static class UnreadableJson implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return unreadable();
        }
    }

    static Response unreadable() {
        return new Problem(BASE + "invalid-input", "Invalid input", 400,
                "The body is not a JSON document of the expected shape.", List.of()).toResponse();
    }

    static Response badParameter(String name) {
        return new Problem(BASE + "invalid-input", "Invalid input", 400, "The request has invalid fields.",
                List.of(new Problem.Violation(name, "invalid value"))).toResponse();
    }
}
