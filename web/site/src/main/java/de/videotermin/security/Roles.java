package de.videotermin.security;

/** Keycloak realm roles, as they appear in the groups claim. */
public final class Roles {
    public static final String ADVISOR = "advisor";
    public static final String ADMIN = "admin";
    public static final String ANALYST = "analyst";

    private Roles() {
    }
}
