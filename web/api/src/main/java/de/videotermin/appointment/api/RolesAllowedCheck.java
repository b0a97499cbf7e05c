package de.videotermin.appointment.api;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import de.videotermin.api.Allowed;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Enforces {@link Allowed} (and {@code @RolesAllowed}) on JAX-RS resource methods: no caller → 401, wrong role → 403.
 * Seen on Payara 6.2025.10 with MP-JWT: after adding resources, the annotations on CDI resources were
 * not enforced at all (no token reached the method; an analyst token passed) — compare
 * payara/Payara#6819. Jersey's own RolesAllowedDynamicFeature does the same; this avoids a compile
 * dependency on Jersey. It applies to every resource of the API WAR.
 */
@Provider
public class RolesAllowedCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        if (method.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        if (method.isAnnotationPresent(DenyAll.class)) {
            context.register(new Check(null));
            return;
        }
        Allowed allowed = method.getAnnotation(Allowed.class);
        if (allowed == null) {
            allowed = resource.getResourceClass().getAnnotation(Allowed.class);
        }
        if (allowed != null) {
            context.register(new Check(allowed.value()));
            return;
        }
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles == null) {
            roles = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        if (roles != null) {
            context.register(new Check(roles.value()));
        }
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class Check implements ContainerRequestFilter {
        private final String[] roles;

        Check(String[] roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            SecurityContext security = request.getSecurityContext();
            if (roles == null) {
                throw new ForbiddenException();
            }
            Principal caller = security == null ? null : security.getUserPrincipal();
            if (caller == null) {
                throw new NotAuthorizedException("Bearer");
            }
            if (caller instanceof JsonWebToken token) {
                // the verified token's groups: no trip through the container's (lock-guarded) JACC check
                Set<String> groups = token.getGroups();
                for (String role : roles) {
                    if (groups != null && groups.contains(role)) {
                        return;
                    }
                }
                throw new ForbiddenException();
            }
            for (String role : roles) {
                if (security.isUserInRole(role)) {
                    return;
                }
            }
            throw new ForbiddenException();
        }
    }
}
