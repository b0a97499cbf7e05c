package de.videotermin.integration;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/**
 * The EJB module as it ships (the built jar, with its persistence unit, migrations and config
 * defaults) plus the EAR's libraries, deployed as a WAR beside the running EAR on the same Payara
 * Server and against the same PostgreSQL (the server-level pool jdbc/videotermin).
 */
final class Deployments {

    private Deployments() {
    }

    static WebArchive ejbModule(Class<?>... tests) {
        File[] runtime = Maven.resolver().loadPomFromFile("pom.xml")
                .importRuntimeDependencies().resolve().withTransitivity().asFile();
        File[] assertj = Maven.resolver().loadPomFromFile("pom.xml")
                .resolve("org.assertj:assertj-core").withTransitivity().asFile();
        return ShrinkWrap.create(WebArchive.class, "videotermin-it.war")
                .addClasses(tests)
                .addClass(Deployments.class)
                .addAsLibraries(runtime)
                .addAsLibraries(assertj)
                // makes the test class a bean archive member, so Arquillian can inject into it
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }
}
