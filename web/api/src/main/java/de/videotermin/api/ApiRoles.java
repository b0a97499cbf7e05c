package de.videotermin.api;

/** Keycloak realm roles as they arrive in the token's groups claim. */
public final class ApiRoles {
    public static final String ADVISOR = "advisor";
    public static final String ADMIN = "admin";
    public static final String ANALYST = "analyst";
    public static final String AGENCY_SYSTEM = "agency-system";

    private ApiRoles() {
    }
}
