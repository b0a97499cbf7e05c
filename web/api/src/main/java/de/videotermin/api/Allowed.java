package de.videotermin.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles (the token's groups) that may call a resource method; enforced by
 * {@code RolesAllowedCheck}: no valid token → 401, none of these roles → 403.
 *
 * <p>Why not {@code @RolesAllowed}: on Payara 6 that annotation also switches on Payara's own MP-JWT
 * role filter, which on every request asks Soteria for the caller; Soteria then tries to load a
 * JBoss class that is not there, under the web module's class-loader lock. With 32 request threads
 * that lock was where most of the booking benchmark's time went (bench/correspondence/RESULTS.md).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Allowed {
    String[] value();
}
