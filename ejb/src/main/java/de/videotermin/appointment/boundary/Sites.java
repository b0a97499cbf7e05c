package de.videotermin.appointment.boundary;

import de.videotermin.appointment.entity.LegalAreaEntry;
import de.videotermin.appointment.entity.Site;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

    public Site save(@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String code, @NotBlank @Size(max = 255) String name,
                     @Size(max = 500) String address, boolean active) {
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

    public void renameLegalArea(String code, @NotBlank @Size(max = 255) String nameDe, @NotBlank @Size(max = 255) String nameEn,
                                boolean active) {
        LegalAreaEntry area = em.find(LegalAreaEntry.class, code);
        if (area == null) {
            throw new UnknownReferenceException("legalArea", code);
        }
        area.rename(nameDe.strip(), nameEn.strip());
        area.setActive(active);
    }
}
