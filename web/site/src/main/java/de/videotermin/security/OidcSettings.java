package de.videotermin.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.LogoutDefinition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The OpenID Connect client of the staff pages. The annotation reads its values from this bean
 * (EL), so every value is MicroProfile Config and can be overridden from the environment.
 * {@code ${baseURL}} stays in the annotation: Soteria resolves it per request.
 *
 * <p>{@code redirectToOriginalResource} is off: Soteria 3's restored request has no parameter map,
 * and Faces dies on it with a NullPointerException. {@link SignInCallbackServlet} sends the
 * signed-in user on instead.
 */
@ApplicationScoped
@Named("oidcSettings")
@DeclareRoles({Roles.ADVISOR, Roles.ADMIN, Roles.ANALYST})
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${oidcSettings.providerUri}",
        clientId = "${oidcSettings.clientId}",
        clientSecret = "${oidcSettings.clientSecret}",
        redirectURI = "${baseURL}/callback",
        redirectToOriginalResource = false,
        scope = {"openid", "profile", "email"},
        claimsDefinition = @ClaimsDefinition(callerNameClaim = "preferred_username", callerGroupsClaim = "groups"),
        useSession = true,
        tokenAutoRefresh = true,
        logout = @LogoutDefinition(notifyProvider = true, redirectURI = "${baseURL}/"))
public class OidcSettings {

    @Inject
    @ConfigProperty(name = "videotermin.oidc.provider-uri")
    String providerUri;

    @Inject
    @ConfigProperty(name = "videotermin.oidc.client-id")
    String clientId;

    @Inject
    @ConfigProperty(name = "videotermin.oidc.client-secret")
    String clientSecret;

    public String getProviderUri() {
        return providerUri;
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }
}
