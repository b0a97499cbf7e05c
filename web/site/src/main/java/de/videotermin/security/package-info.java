/**
 * Staff sign-in: OpenID Connect against Keycloak (Jakarta Security / Soteria). Realm roles arrive in
 * a flat {@code groups} claim (Keycloak mapper), because Soteria cannot read nested claims such as
 * {@code realm_access.roles}. This WAR must not also use MP-JWT (see shared/STACK-NOTES.md): the
 * bearer-token API lives in its own WAR under /api.
 */
package de.videotermin.security;
