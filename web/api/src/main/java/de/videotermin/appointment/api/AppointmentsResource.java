package de.videotermin.appointment.api;

import de.videotermin.api.Allowed;
import de.videotermin.api.ApiRoles;
import de.videotermin.appointment.boundary.AdvisorIdentity;
import de.videotermin.appointment.boundary.AppointmentNotFoundException;
import de.videotermin.appointment.boundary.AppointmentPage;
import de.videotermin.appointment.boundary.AppointmentQuery;
import de.videotermin.appointment.boundary.Appointments;
import de.videotermin.appointment.boundary.BookedAppointment;
import de.videotermin.appointment.boundary.Booking;
import de.videotermin.appointment.boundary.Caller;
import de.videotermin.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Appointments for the agency's systems (service accounts with the role agency-system: any advisor)
 * and for advisors (their own). Errors are problem documents (RFC 9457): 400 invalid fields,
 * 404 unknown or not yours, 409 double booking or closed appointment, 422 unknown site or legal
 * area, or an Idempotency-Key reused for a different request.
 */
@Path("v1/appointments")
// One instance (the @Context fields are per-request proxies): a request-scoped resource made Weld
// create a new EJB reference for Appointments on every request, loading its class under a lock.
@ApplicationScoped
@SecurityRequirement(name = "keycloak")
@Tag(name = "Appointments")
@Produces(MediaType.APPLICATION_JSON)
public class AppointmentsResource {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final String PROBLEM = "application/problem+json";

    @Inject
    Appointments appointments;

    @Inject
    @ConfigProperty(name = "videotermin.base-url")
    String baseUrl;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @GET
    @Allowed({ApiRoles.ADVISOR, ApiRoles.ADMIN, ApiRoles.AGENCY_SYSTEM})
    @Operation(summary = "List appointments, ordered by start, paged",
            description = "Advisors see their own (by default from today on); the agency's system sees all. Query "
                    + "parameters: from, to (days yyyy-MM-dd, Europe/Berlin, inclusive), advisor, site, page (from 0), "
                    + "size (1-500, default 50). The total count is in the X-Total-Count header.")
    @APIResponse(responseCode = "200", description = "A page of appointments",
            content = @Content(schema = @Schema(implementation = AppointmentView[].class)))
    @APIResponse(responseCode = "400", description = "A filter is malformed", content = @Content(mediaType = PROBLEM))
    public Response list(@QueryParam("from") String from,
                         @QueryParam("to") String to,
                         @QueryParam("advisor") String advisor, @QueryParam("site") String site,
                         @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        LocalDate fromDay;
        LocalDate toDay;
        try {
            fromDay = from == null ? null : LocalDate.parse(from);
        } catch (DateTimeParseException e) {
            return AppointmentProblems.badParameter("from");
        }
        try {
            toDay = to == null ? null : LocalDate.parse(to);
        } catch (DateTimeParseException e) {
            return AppointmentProblems.badParameter("to");
        }
        if ((page != null && page < 0) || (size != null && (size < 1 || size > 500))) {
            return AppointmentProblems.badParameter(page != null && page < 0 ? "page" : "size");
        }
        Caller caller = caller();
        if (fromDay == null && !caller.agencyWide()) {
            fromDay = LocalDate.now(ZONE);
        }
        AppointmentPage result = appointments.search(new AppointmentQuery(fromDay, toDay, advisor, site,
                page == null ? 0 : page, size == null ? 50 : size), caller);
        List<AppointmentView> items = result.items().stream().map(a -> AppointmentView.from(a, null)).toList();
        return Response.ok(items).header("X-Total-Count", result.total()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed({ApiRoles.ADVISOR, ApiRoles.ADMIN, ApiRoles.AGENCY_SYSTEM})
    @Operation(summary = "Book an appointment and invite the citizen",
            description = "With an email address the citizen gets an invitation with a calendar file; without, a "
                    + "letter (PDF) is prepared for the advisor to print. The answer carries the citizen's link once. "
                    + "Send an Idempotency-Key header (up to 200 characters) to make retries safe: the same key and body return the first appointment (200).")
    @APIResponse(responseCode = "201", description = "Booked", content = @Content(schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "200", description = "Replay of an earlier request with the same Idempotency-Key")
    @APIResponse(responseCode = "400", description = "Invalid fields (violations listed)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "The advisor is already booked at that time", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "Unknown site or legal area, or Idempotency-Key reused", content = @Content(mediaType = PROBLEM))
    public Response create(@HeaderParam("Idempotency-Key") String idempotencyKey,
                           @NotNull @Valid AppointmentRequest request) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            return AppointmentProblems.badParameter("Idempotency-Key");
        }
        Caller caller = caller();
        AdvisorIdentity advisor;
        if (caller.agencyWide()) {
            if (request.advisorUsername == null || request.advisorUsername.isBlank()) {
                return new Problem("https://videotermin.de/problems/invalid-input", "Invalid input", 400,
                        "The request has invalid fields.", List.of(new Problem.Violation("advisorUsername", "must not be blank")))
                        .toResponse();
            }
            advisor = new AdvisorIdentity(request.advisorUsername.strip(), request.advisorName);
        } else {
            advisor = new AdvisorIdentity(caller.username(), caller.displayName());
        }
        // the legal area is reference data: an unknown or inactive code is refused by the booking (422)
        String area = request.legalArea;
        Booking booking = new Booking(request.startsAt.atZoneSameInstant(ZONE), request.durationMinutes,
                request.citizenName, request.citizenEmail, area, request.siteCode, request.topic, request.extraInfo,
                request.citizenLanguage == null ? "de" : request.citizenLanguage, request.citizenPostalAddress);
        BookedAppointment booked = appointments.book(booking, advisor, caller.username(), idempotencyKey);
        if (booked.replayed()) {
            return Response.ok(AppointmentView.from(booked.appointment(), null)).build();
        }
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return Response.created(uri.getAbsolutePathBuilder().path(booked.appointment().getId().toString()).build())
                .entity(AppointmentView.from(booked.appointment(), base + "/t/" + booked.linkToken())).build();
    }

    @GET
    @Path("{id}")
    @Allowed({ApiRoles.ADVISOR, ApiRoles.ADMIN, ApiRoles.AGENCY_SYSTEM})
    @Operation(summary = "One appointment")
    @APIResponse(responseCode = "200", description = "The appointment", content = @Content(schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not the calling advisor's", content = @Content(mediaType = PROBLEM))
    public AppointmentView read(@PathParam("id") String id) {
        return AppointmentView.from(appointments.byId(uuid(id), caller()), null);
    }

    @POST
    @Path("{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed({ApiRoles.ADVISOR, ApiRoles.ADMIN, ApiRoles.AGENCY_SYSTEM})
    @Operation(summary = "Move an appointment", description = "The citizen gets an update with the same calendar UID and a higher SEQUENCE.")
    @APIResponse(responseCode = "200", description = "Moved", content = @Content(schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "Unknown", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Double booking, or the appointment is closed", content = @Content(mediaType = PROBLEM))
    public AppointmentView reschedule(@PathParam("id") String id, @NotNull @Valid RescheduleRequest request) {
        return AppointmentView.from(appointments.reschedule(uuid(id), request.startsAt.atZoneSameInstant(ZONE),
                request.durationMinutes, caller()), null);
    }

    @POST
    @Path("{id}/cancel")
    @Allowed({ApiRoles.ADVISOR, ApiRoles.ADMIN, ApiRoles.AGENCY_SYSTEM})
    @Operation(summary = "Cancel an appointment", description = "The citizen gets a cancellation with the calendar UID.")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "404", description = "Unknown", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Already cancelled or over", content = @Content(mediaType = PROBLEM))
    public AppointmentView cancel(@PathParam("id") String id) {
        return AppointmentView.from(appointments.cancel(uuid(id), caller()), null);
    }

    /**
     * The caller from the verified token that RolesAllowedCheck has already looked at. Read from the
     * request's principal rather than an injected JsonWebToken: Payara's producer for the latter asks
     * Soteria, which takes a class-loader lock on every request (bench/correspondence/RESULTS.md).
     */
    private Caller caller() {
        if (!(security.getUserPrincipal() instanceof JsonWebToken jwt)) {
            throw new jakarta.ws.rs.NotAuthorizedException("Bearer");
        }
        if (jwt.getGroups() != null && jwt.getGroups().contains(ApiRoles.AGENCY_SYSTEM)) {
            return Caller.agencySystem(jwt.getName());
        }
        String name = jwt.getClaim("name");
        return Caller.advisor(new AdvisorIdentity(jwt.getName(), name));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new AppointmentNotFoundException();
        }
    }
}
