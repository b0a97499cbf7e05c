package de.videotermin.operations.health;

import de.videotermin.operations.migration.SchemaMigration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** The application has started: the schema migration ran. */
@Liveness
@Readiness
@ApplicationScoped
public class ApplicationLiveness implements HealthCheck {

    @Inject
    SchemaMigration migration;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("application").status(migration.isMigrated()).build();
    }
}
