package de.videotermin.appointment.boundary;

import de.videotermin.appointment.entity.LegalAreaEntry;
import de.videotermin.appointment.entity.Site;
import de.videotermin.audit.boundary.AuditTrail;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Sites and legal areas: reference data the admin role keeps (the /admin pages are for that role
 * only). Nothing is ever deleted: appointments, statistics and consent texts refer to the codes, so
 * an entry that is no longer offered is deactivated; it keeps its name in old appointments. Every
 * change goes into the audit trail with the admin's name.
 */
@Stateless
public class Sites {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    public List<Site> all() {
        return em.createQuery("select s from Site s order by s.name", Site.class).getResultList();
    }

    public List<Site> active() {
        return em.createQuery("select s from Site s where s.active = true order by s.name", Site.class).getResultList();
    }

    public Site site(String code) {
        return code == null ? null : em.find(Site.class, code);
    }

    /** A new site; its code is fixed from then on (appointments and statistics refer to it). */
    public Site createSite(String code, String name, String address, String admin) {
        requireCode(code);
        if (em.find(Site.class, code) != null) {
            throw new ReferenceDataRejectedException("code", "exists");
        }
        Site site = new Site(code, requireName("name", name, 255), optional("address", address, 500));
        em.persist(site);
        audit.record(admin, "site.created", null, code);
        return site;
    }

    public Site editSite(String code, String name, String address, boolean active, String admin) {
        Site site = em.find(Site.class, code);
        if (site == null) {
            throw new UnknownReferenceException("siteCode", code);
        }
        site.rename(requireName("name", name, 255), optional("address", address, 500));
        String action = editAction("site", site.isActive(), active);
        site.setActive(active);
        audit.record(admin, action, null, code);
        return site;
    }

    /** What an edit did, for the audit trail: {@code <kind>.deactivated}, {@code .reactivated} or {@code .edited}. */
    private static String editAction(String kind, boolean wasActive, boolean active) {
        return kind + (wasActive && !active ? ".deactivated" : !wasActive && active ? ".reactivated" : ".edited");
    }

    public List<LegalAreaEntry> legalAreas() {
        return em.createQuery("select l from LegalAreaEntry l order by l.code", LegalAreaEntry.class).getResultList();
    }

    public List<LegalAreaEntry> activeLegalAreas() {
        return em.createQuery("select l from LegalAreaEntry l where l.active = true order by l.code", LegalAreaEntry.class)
                .getResultList();
    }

    public LegalAreaEntry legalArea(String code) {
        return code == null ? null : em.find(LegalAreaEntry.class, code);
    }

    /** A new legal area, offered at once; its mail and consent texts fall back to the general ones until the admin adds its own. */
    public LegalAreaEntry createLegalArea(String code, String nameDe, String nameEn, String admin) {
        requireCode(code);
        if (em.find(LegalAreaEntry.class, code) != null) {
            throw new ReferenceDataRejectedException("code", "exists");
        }
        LegalAreaEntry area = new LegalAreaEntry(code, requireName("nameDe", nameDe, 255), requireName("nameEn", nameEn, 255));
        em.persist(area);
        audit.record(admin, "legal-area.created", null, code);
        return area;
    }

    public LegalAreaEntry editLegalArea(String code, String nameDe, String nameEn, boolean active, String admin) {
        LegalAreaEntry area = em.find(LegalAreaEntry.class, code);
        if (area == null) {
            throw new UnknownReferenceException("legalArea", code);
        }
        area.rename(requireName("nameDe", nameDe, 255), requireName("nameEn", nameEn, 255));
        String action = editAction("legal-area", area.isActive(), active);
        area.setActive(active);
        audit.record(admin, action, null, code);
        return area;
    }

    private static void requireCode(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new ReferenceDataRejectedException("code", "format");
        }
    }

    private static String requireName(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new ReferenceDataRejectedException(field, "required");
        }
        if (value.strip().length() > max) {
            throw new ReferenceDataRejectedException(field, "tooLong");
        }
        return value.strip();
    }

    private static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > max) {
            throw new ReferenceDataRejectedException(field, "tooLong");
        }
        return value.strip();
    }
}
