package de.videotermin.audit.boundary;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a boundary method whose use by staff goes into the audit trail. The appointment it concerns
 * is taken from the result (an Appointment, or something with getAppointmentId/getId) or, failing
 * that, from a UUID argument.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Audited {
    /** What happened, e.g. "appointment.viewed". */
    @Nonbinding
    String value() default "";
}
