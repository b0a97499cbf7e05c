/**
 * The REST API for the agency's other systems, under /api. Bearer tokens issued by Keycloak are
 * verified with MicroProfile JWT (issuer, signature via JWKS, audience {@code videotermin-api}, so an
 * ID token is refused). It lives in a WAR of its own because MP-JWT and the OpenID Connect sign-in
 * of the staff pages cannot share one (see shared/STACK-NOTES.md).
 */
package de.videotermin.api;
