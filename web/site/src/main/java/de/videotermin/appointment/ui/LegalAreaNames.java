package de.videotermin.appointment.ui;

import de.videotermin.appointment.boundary.Sites;
import de.videotermin.appointment.entity.LegalAreaEntry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A legal area's name in the page language, from the data the admin role keeps ({@code #{legalAreaNames.name(code)}}). */
@Named
@RequestScoped
public class LegalAreaNames {

    @Inject
    Sites sites;

    private Map<String, LegalAreaEntry> byCode;

    public String name(String code) {
        if (byCode == null) {
            byCode = sites.legalAreas().stream().collect(Collectors.toMap(LegalAreaEntry::getCode, Function.identity()));
        }
        LegalAreaEntry area = byCode.get(code);
        return area == null ? String.valueOf(code)
                : area.name(FacesContext.getCurrentInstance().getViewRoot().getLocale().getLanguage());
    }
}
