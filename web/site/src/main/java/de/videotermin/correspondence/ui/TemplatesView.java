package de.videotermin.correspondence.ui;

import de.videotermin.appointment.boundary.Sites;
import de.videotermin.appointment.entity.LegalAreaEntry;
import de.videotermin.correspondence.boundary.MailTemplates;
import de.videotermin.correspondence.boundary.TemplateRejectedException;
import de.videotermin.correspondence.control.TemplateCheck;
import de.videotermin.correspondence.entity.MailTemplate;
import de.videotermin.correspondence.entity.MessageKind;
import de.videotermin.security.SignedInStaff;
import de.videotermin.site.SiteSettings;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * admin/templates.xhtml (admin role): the mail and letter templates per kind, legal area and
 * language. Edit one ({@code ?id=}), preview it with sample data before saving, add one for a legal
 * area. A template with unknown placeholders or without the personal link is refused with the
 * reasons on the page and nothing saved.
 */
@Named
@ViewScoped
public class TemplatesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MailTemplates templates;

    @Inject
    Sites sites;

    @Inject
    SignedInStaff staff;

    @Inject
    SiteSettings site;

    private Long id;
    private MessageKind kind;
    private String legalArea;
    private String language;
    private String subject;
    private String bodyText;
    private String bodyHtml;
    private MailTemplates.Preview preview;

    private MessageKind newKind = MessageKind.INVITATION;
    private String newArea;
    private String newLanguage = "de";

    private transient List<MailTemplate> list;

    /** Opens the template named in the address ({@code ?id=}), once per view. */
    @jakarta.annotation.PostConstruct
    void load() {
        String param = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
        try {
            id = param == null ? null : Long.valueOf(param);
        } catch (NumberFormatException e) {
            id = null;
        }
        MailTemplate t = id == null ? null : templates.find(id);
        if (t == null) {
            id = null;
            return;
        }
        kind = t.getKind();
        legalArea = t.getLegalArea();
        language = t.getLanguage();
        subject = t.getSubject();
        bodyText = t.getBodyText();
        bodyHtml = t.getBodyHtml();
    }

    public void preview() {
        if (report(TemplateCheck.check(kind, subject, bodyText, bodyHtml))) {
            preview = null;
            return;
        }
        preview = templates.preview(kind, legalArea, language, subject, bodyText, bodyHtml);
    }

    public String save() {
        try {
            templates.edit(id, subject, bodyText, bodyHtml, staff.getUsername());
        } catch (TemplateRejectedException e) {
            report(e.problems());
            preview = null;
            return null;
        }
        CorrespondenceTexts.info("admin.template.saved", title());
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/admin/templates?faces-redirect=true&id=" + id;
    }

    public String add() {
        if (newArea == null || sites.legalArea(newArea) == null) {
            CorrespondenceTexts.error("add:newArea", "admin.template.chooseArea");
            return null;
        }
        MailTemplate added = templates.addFor(newKind, newArea, newLanguage, staff.getUsername());
        CorrespondenceTexts.info("admin.template.added");
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/admin/templates?faces-redirect=true&id=" + added.getId();
    }

    /** Puts each problem on the page next to the part it concerns; true if there were any. */
    private boolean report(List<TemplateCheck.Problem> problems) {
        for (TemplateCheck.Problem p : problems) {
            CorrespondenceTexts.error("template:" + p.part(), "admin.template.problem." + p.reason(),
                    CorrespondenceTexts.get("admin.template.part." + p.part()), p.name() == null ? "" : "{{" + p.name() + "}}");
        }
        if (!problems.isEmpty()) {
            CorrespondenceTexts.error(null, "admin.template.notSaved");
            FacesContext.getCurrentInstance().validationFailed();
        }
        return !problems.isEmpty();
    }

    public String title() {
        return kindLabel(kind) + " – " + areaLabel(legalArea) + " – " + language;
    }

    public String kindLabel(MessageKind k) {
        return k == null ? "" : CorrespondenceTexts.get("kind." + k.name());
    }

    public String areaLabel(String code) {
        if (MailTemplate.ANY_AREA.equals(code)) {
            return CorrespondenceTexts.get("admin.template.anyArea");
        }
        LegalAreaEntry area = sites.legalArea(code);
        return area == null ? String.valueOf(code)
                : area.name(FacesContext.getCurrentInstance().getViewRoot().getLocale().getLanguage());
    }

    public String updated(MailTemplate t) {
        return t.getUpdatedAt() == null ? "" : site.formatDateTime(t.getUpdatedAt(),
                FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public List<MailTemplate> getTemplates() {
        if (list == null) {
            list = templates.all();
        }
        return list;
    }

    public List<LegalAreaEntry> getLegalAreas() { return sites.legalAreas(); }
    public MessageKind[] getKinds() { return MessageKind.values(); }
    public List<String> getPlaceholders() { return kind == null ? TemplateCheck.PLACEHOLDERS : TemplateCheck.placeholders(kind); }
    public boolean isCarriesLink() { return kind != null && TemplateCheck.carriesLink(kind); }
    public boolean isLetter() { return kind == MessageKind.LETTER; }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public MessageKind getKind() { return kind; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public String getBodyText() { return bodyText; }
    public void setBodyText(String bodyText) { this.bodyText = bodyText; }
    public String getBodyHtml() { return bodyHtml; }
    public void setBodyHtml(String bodyHtml) { this.bodyHtml = bodyHtml; }
    public MailTemplates.Preview getPreview() { return preview; }
    public MessageKind getNewKind() { return newKind; }
    public void setNewKind(MessageKind newKind) { this.newKind = newKind; }
    public String getNewArea() { return newArea; }
    public void setNewArea(String newArea) { this.newArea = newArea; }
    public String getNewLanguage() { return newLanguage; }
    public void setNewLanguage(String newLanguage) { this.newLanguage = "en".equals(newLanguage) ? "en" : "de"; }
}
