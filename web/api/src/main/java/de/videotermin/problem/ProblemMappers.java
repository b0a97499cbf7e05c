package de.videotermin.problem;

import de.videotermin.appointment.boundary.AppointmentNotFoundException;
import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Maps every exception to a problem document. Unknown failures are logged here and answered without detail. */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    @Provider
    public static class NotFound implements ExceptionMapper<AppointmentNotFoundException> {
        @Override
        public Response toResponse(AppointmentNotFoundException e) {
            return Problem.of("not-found", "Not found", 404, "No such appointment.").toResponse();
        }
    }

    @Provider
    public static class InvalidInput implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            var violations = e.getConstraintViolations().stream()
                    .map(v -> new Problem.Violation(leaf(v.getPropertyPath().toString()), v.getMessage()))
                    .toList();
            return new Problem("https://videotermin.de/problems/invalid-input", "Invalid input", 400,
                    "The request has invalid fields.", violations).toResponse();
        }

        private static String leaf(String path) {
            int dot = path.lastIndexOf('.');
            return dot < 0 ? path : path.substring(dot + 1);
        }
    }

    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            Response.StatusType type = Response.Status.fromStatusCode(status);
            String title = type == null ? "Error" : type.getReasonPhrase();
            return Problem.of("http-" + status, title, status, title + ".").toResponse();
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<Exception> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

        @Override
        public Response toResponse(Exception e) {
            Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof ConstraintViolationException violation) {
                return new InvalidInput().toResponse(violation);
            }
            LOG.log(Level.SEVERE, "unexpected failure in the API", e);
            return Problem.of("internal", "Internal error", 500, "Something went wrong on our side.").toResponse();
        }
    }
}
