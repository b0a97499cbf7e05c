package de.videotermin.appointment.ui;

import de.videotermin.appointment.boundary.ReferenceDataRejectedException;
import de.videotermin.appointment.boundary.Sites;
import de.videotermin.appointment.boundary.UnknownReferenceException;
import de.videotermin.appointment.entity.LegalAreaEntry;
import de.videotermin.appointment.entity.Site;
import de.videotermin.correspondence.ui.CorrespondenceTexts;
import de.videotermin.security.SignedInStaff;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * admin/sites.xhtml (admin role): sites and legal areas. One form each, for a new entry or the one
 * picked in the list ({@code ?site=CODE}, {@code ?area=CODE}); entries are deactivated, never deleted.
 */
@Named
@ViewScoped
public class ReferenceDataView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Sites sites;

    @Inject
    SignedInStaff staff;

    private String siteParam;
    private boolean editingSite;
    private String siteCode;
    private String siteName;
    private String siteAddress;
    private boolean siteActive = true;

    private String areaParam;
    private boolean editingArea;
    private String areaCode;
    private String areaNameDe;
    private String areaNameEn;
    private boolean areaActive = true;

    private transient List<Site> siteList;
    private transient List<LegalAreaEntry> areaList;

    /** Fills the forms with the entries named in the address ({@code ?site=}, {@code ?area=}), once per view. */
    @jakarta.annotation.PostConstruct
    void load() {
        var params = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        siteParam = params.get("site");
        areaParam = params.get("area");
        Site site = sites.site(siteParam);
        if (site != null) {
            editingSite = true;
            siteCode = site.getCode();
            siteName = site.getName();
            siteAddress = site.getAddress();
            siteActive = site.isActive();
        }
        LegalAreaEntry area = sites.legalArea(areaParam);
        if (area != null) {
            editingArea = true;
            areaCode = area.getCode();
            areaNameDe = area.getNameDe();
            areaNameEn = area.getNameEn();
            areaActive = area.isActive();
        }
    }

    public String saveSite() {
        try {
            if (editingSite) {
                sites.editSite(siteCode, siteName, siteAddress, siteActive, staff.getUsername());
            } else {
                sites.createSite(siteCode, siteName, siteAddress, staff.getUsername());
            }
        } catch (ReferenceDataRejectedException e) {
            CorrespondenceTexts.error("site:" + clientField(e.field(), "site"), "admin.rejected." + e.reason());
            return null;
        } catch (UnknownReferenceException e) {
            CorrespondenceTexts.error(null, "admin.unknown");
            return null;
        }
        CorrespondenceTexts.info("admin.site.saved", siteName);
        keepMessages();
        return "/admin/sites?faces-redirect=true";
    }

    public String saveArea() {
        try {
            if (editingArea) {
                sites.editLegalArea(areaCode, areaNameDe, areaNameEn, areaActive, staff.getUsername());
            } else {
                sites.createLegalArea(areaCode, areaNameDe, areaNameEn, staff.getUsername());
            }
        } catch (ReferenceDataRejectedException e) {
            CorrespondenceTexts.error("area:" + clientField(e.field(), "area"), "admin.rejected." + e.reason());
            return null;
        } catch (UnknownReferenceException e) {
            CorrespondenceTexts.error(null, "admin.unknown");
            return null;
        }
        CorrespondenceTexts.info("admin.area.saved", areaNameDe);
        keepMessages();
        return "/admin/sites?faces-redirect=true";
    }

    private static String clientField(String field, String form) {
        return switch (field) {
            case "code" -> form + "Code";
            case "name" -> "siteName";
            case "address" -> "siteAddress";
            default -> "area" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
        };
    }

    private static void keepMessages() {
        jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }

    public List<Site> getSites() {
        if (siteList == null) {
            siteList = sites.all();
        }
        return siteList;
    }

    public List<LegalAreaEntry> getLegalAreas() {
        if (areaList == null) {
            areaList = sites.legalAreas();
        }
        return areaList;
    }

    public String getSiteParam() { return siteParam; }
    public void setSiteParam(String siteParam) { this.siteParam = siteParam; }
    public String getAreaParam() { return areaParam; }
    public void setAreaParam(String areaParam) { this.areaParam = areaParam; }
    public boolean isEditingSite() { return editingSite; }
    public boolean isEditingArea() { return editingArea; }
    public String getSiteCode() { return siteCode; }
    public void setSiteCode(String siteCode) { this.siteCode = editingSite ? this.siteCode : siteCode; }
    public String getSiteName() { return siteName; }
    public void setSiteName(String siteName) { this.siteName = siteName; }
    public String getSiteAddress() { return siteAddress; }
    public void setSiteAddress(String siteAddress) { this.siteAddress = siteAddress; }
    public boolean isSiteActive() { return siteActive; }
    public void setSiteActive(boolean siteActive) { this.siteActive = siteActive; }
    public String getAreaCode() { return areaCode; }
    public void setAreaCode(String areaCode) { this.areaCode = editingArea ? this.areaCode : areaCode; }
    public String getAreaNameDe() { return areaNameDe; }
    public void setAreaNameDe(String areaNameDe) { this.areaNameDe = areaNameDe; }
    public String getAreaNameEn() { return areaNameEn; }
    public void setAreaNameEn(String areaNameEn) { this.areaNameEn = areaNameEn; }
    public boolean isAreaActive() { return areaActive; }
    public void setAreaActive(boolean areaActive) { this.areaActive = areaActive; }
}
