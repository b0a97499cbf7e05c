package de.videotermin.appointment.api;

import de.videotermin.api.ApiRoles;
import de.videotermin.appointment.boundary.AdvisorIdentity;
import de.videotermin.appointment.boundary.Appointments;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("v1/appointments")
@RequestScoped
@SecurityRequirement(name = "keycloak")
public class AppointmentsResource {

    @Inject
    Appointments appointments;

    @Inject
    JsonWebToken jwt;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ApiRoles.ADVISOR, ApiRoles.ADMIN})
    @Operation(summary = "The calling advisor's appointments from today on")
    public List<AppointmentSummary> mine() {
        String name = jwt.getClaim("name");
        return appointments.upcomingFor(new AdvisorIdentity(jwt.getName(), name)).stream()
                .map(AppointmentSummary::from)
                .toList();
    }
}
