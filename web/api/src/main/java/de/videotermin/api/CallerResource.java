package de.videotermin.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Who the token says the caller is: lets an integrator check their token set-up. */
@Path("v1/me")
@RequestScoped
@SecurityRequirement(name = "keycloak")
public class CallerResource {

    public record Caller(String name, Set<String> roles) {
    }

    @Inject
    JsonWebToken jwt;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed({ApiRoles.ADVISOR, ApiRoles.ADMIN, ApiRoles.ANALYST, ApiRoles.AGENCY_SYSTEM})
    @Operation(summary = "The calling user or system and its roles")
    public Caller me() {
        return new Caller(jwt.getName(), new TreeSet<>(jwt.getGroups()));
    }
}
