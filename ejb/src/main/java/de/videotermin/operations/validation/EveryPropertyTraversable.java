package de.videotermin.operations.validation;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;

/**
 * Bean Validation may look at every property of what it validates here: the API's request records
 * and the boundaries' use-case contracts (such as Booking) are plain data, never JPA entities with
 * lazy state. Named in META-INF/validation.xml of the EJB module and of the API WAR. The default resolver asks every JPA provider on the server
 * whether a property is loaded, and on Payara one of them (EclipseLink) answers under a global lock:
 * with concurrent bookings that lock held request threads (bench/correspondence/RESULTS.md).
 */
public class EveryPropertyTraversable implements TraversableResolver {

    @Override
    public boolean isReachable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
                               ElementType elementType) {
        return true;
    }

    @Override
    public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
                                ElementType elementType) {
        return true;
    }
}
