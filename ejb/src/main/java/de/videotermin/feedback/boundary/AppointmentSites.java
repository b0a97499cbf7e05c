package de.videotermin.feedback.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * The site of an appointment. The column {@code appointment.site_code} comes with sites (issue 6) and
 * is not mapped on the appointment entity yet, hence a native read; NULL until sites are assigned.
 */
@Stateless
public class AppointmentSites {

    @PersistenceContext
    EntityManager em;

    public String siteOf(UUID appointmentId) {
        List<?> rows = em.createNativeQuery("select site_code from appointment where id = ?1")
                .setParameter(1, appointmentId)
                .getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }
}
