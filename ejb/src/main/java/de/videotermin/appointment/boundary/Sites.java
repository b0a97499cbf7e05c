package de.videotermin.appointment.boundary;

import de.videotermin.appointment.entity.LegalAreaEntry;
import de.videotermin.appointment.entity.Site;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Sites and legal areas: reference data the admin role keeps (the pages check the role). */
@Stateless
public class Sites {

    @PersistenceContext
    EntityManager em;

    public List<Site> all() {
        return em.createQuery("select s from Site s order by s.name", Site.class).getResultList();
    }

    public List<Site> active() {
        return em.createQuery("select s from Site s where s.active = true order by s.name", Site.class).getResultList();
    }

    public Site save(String code, String name, String address, boolean active) {
        if (code == null || !code.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new InvalidScheduleException("code", "letters, digits, - and _ only (at most 64)");
        }
        if (name == null || name.isBlank() || name.length() > 255 || (address != null && address.length() > 500)) {
            throw new InvalidScheduleException("name", "must be 1 to 255 characters");
        }
        Site site = em.find(Site.class, code);
        if (site == null) {
            site = new Site(code, name.strip(), address);
            em.persist(site);
        } else {
            site.rename(name.strip(), address);
        }
        site.setActive(active);
        return site;
    }

    public List<LegalAreaEntry> legalAreas() {
        return em.createQuery("select l from LegalAreaEntry l order by l.code", LegalAreaEntry.class).getResultList();
    }

    public void renameLegalArea(String code, String nameDe, String nameEn, boolean active) {
        if (nameDe == null || nameDe.isBlank() || nameEn == null || nameEn.isBlank()) {
            throw new InvalidScheduleException("name", "must not be blank");
        }
        LegalAreaEntry area = em.find(LegalAreaEntry.class, code);
        if (area == null) {
            throw new UnknownReferenceException("legalArea", code);
        }
        area.rename(nameDe.strip(), nameEn.strip());
        area.setActive(active);
    }
}
