package de.videotermin.audit.boundary;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBContext;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.UUID;

/** Writes an audit event after an {@link Audited} method succeeded for a signed-in staff member. */
@Audited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditInterceptor {

    @Inject
    AuditTrail trail;

    @Resource
    EJBContext context;

    @AroundInvoke
    Object audit(InvocationContext invocation) throws Exception {
        Object result = invocation.proceed();
        Principal caller = context.getCallerPrincipal();
        String actor = caller == null ? null : caller.getName();
        if (actor != null && !actor.isBlank() && !"ANONYMOUS".equals(actor)) {
            Audited audited = invocation.getMethod().getAnnotation(Audited.class);
            String action = audited == null || audited.value().isEmpty()
                    ? invocation.getMethod().getDeclaringClass().getSimpleName() + "." + invocation.getMethod().getName()
                    : audited.value();
            trail.record(actor, action, appointmentOf(result, invocation.getParameters()), null);
        }
        return result;
    }

    private static UUID appointmentOf(Object result, Object[] arguments) {
        UUID fromResult = idOf(result);
        if (fromResult != null) {
            return fromResult;
        }
        for (Object argument : arguments) {
            if (argument instanceof UUID id) {
                return id;
            }
        }
        return null;
    }

    private static UUID idOf(Object value) {
        if (value == null) {
            return null;
        }
        for (String getter : new String[]{"getAppointmentId", "appointmentId", "getId", "appointment"}) {
            try {
                Method method = value.getClass().getMethod(getter);
                Object id = method.invoke(value);
                if (id instanceof UUID uuid) {
                    return uuid;
                }
                if (id != null && !(id instanceof UUID)) {
                    UUID nested = idOf(id);
                    if (nested != null) {
                        return nested;
                    }
                }
            } catch (ReflectiveOperationException ignored) {
                // not this shape
            }
        }
        return null;
    }
}
