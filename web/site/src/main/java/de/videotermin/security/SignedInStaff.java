package de.videotermin.security;

import de.videotermin.appointment.boundary.AdvisorIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.Optional;

/** The signed-in staff member: username, the name citizens see, and their roles. */
@Named("staff")
@RequestScoped
public class SignedInStaff {

    /** The claim the realm's mapper fills with the user's roles (server-config/keycloak, OidcSettings). */
    static final String GROUPS_CLAIM = "groups";

    @Inject
    SecurityContext securityContext;

    @Inject
    OpenIdContext openIdContext;

    @Inject
    HttpServletRequest request;

    public boolean isSignedIn() {
        return securityContext.getCallerPrincipal() != null;
    }

    public String getUsername() {
        Principal principal = securityContext.getCallerPrincipal();
        return principal == null ? null : principal.getName();
    }

    public String getDisplayName() {
        return claim("name")
                .or(() -> claim("given_name").map(given -> given + claim("family_name").map(f -> " " + f).orElse("")))
                .orElseGet(this::getUsername);
    }

    /**
     * Whether the groups claim of this session's ID token has the role. Not the container's roles: on
     * Payara they go missing for single requests while several staff members work at once (see
     * {@link StaffAreas}), and {@code SecurityContext.isCallerInRole} can still be false on the first
     * request after the redirect back from Keycloak (shared/STACK-NOTES.md).
     */
    public boolean hasRole(String role) {
        return groups().contains(role);
    }

    private List<String> groups() {
        if (request.getUserPrincipal() == null) {
            return List.of(); // signed out: whatever the session's token said no longer counts
        }
        try {
            List<String> groups = openIdContext.getIdentityToken().getJwtClaims().getArrayStringClaim(GROUPS_CLAIM);
            if (groups == null || groups.isEmpty()) { // a realm that puts the groups into the access token only
                groups = openIdContext.getAccessToken().getJwtClaims().getArrayStringClaim(GROUPS_CLAIM);
            }
            return groups == null ? List.of() : groups;
        } catch (RuntimeException notSignedInWithOpenId) {
            return List.of();
        }
    }

    public boolean isAdvisor() {
        return hasRole(Roles.ADVISOR);
    }

    /**
     * A per-session random token for the plain HTML forms outside Faces (sign-out): a form posted
     * from another site cannot know it. Faces forms are protected by their view state.
     */
    public String getCsrfToken() {
        return SignOutServlet.csrfToken(request.getSession());
    }

    public AdvisorIdentity advisorIdentity() {
        return new AdvisorIdentity(getUsername(), getDisplayName());
    }

    private Optional<String> claim(String name) {
        try {
            return openIdContext.getClaims().getStringClaim(name).filter(s -> !s.isBlank());
        } catch (RuntimeException notSignedInWithOpenId) {
            return Optional.empty();
        }
    }
}
