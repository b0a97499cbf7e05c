package de.videotermin.audit.ui;

import de.videotermin.audit.boundary.AuditTrail;
import de.videotermin.audit.entity.AuditEvent;
import de.videotermin.site.SiteSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** admin/audit.xhtml: the newest staff actions, for the admin role. */
@Named
@RequestScoped
public class AuditView {

    @Inject
    AuditTrail trail;

    @Inject
    SiteSettings site;

    private List<AuditEvent> events;

    public List<AuditEvent> getEvents() {
        if (events == null) {
            events = trail.latest(200);
        }
        return events;
    }

    public String at(AuditEvent event) {
        return site.formatDateTime(event.getAt(), FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }
}
