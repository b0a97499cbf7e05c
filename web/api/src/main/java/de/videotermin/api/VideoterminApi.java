package de.videotermin.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** @ApplicationScoped: with bean-discovery-mode=annotated, else JsonWebToken cannot be injected (WELD-001408). */
@ApplicationScoped
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({ApiRoles.ADVISOR, ApiRoles.ADMIN, ApiRoles.ANALYST, ApiRoles.AGENCY_SYSTEM})
@OpenAPIDefinition(info = @Info(title = "Videotermin API", version = "1",
        description = "Appointments for the agency's systems. Bearer tokens from the agency's Keycloak."))
@SecurityScheme(securitySchemeName = "keycloak", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class VideoterminApi extends Application {
}
