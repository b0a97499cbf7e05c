package de.videotermin.correspondence.ui;

import de.videotermin.site.Texts;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Page messages of the agenda, correspondence and administration pages, from their own bundle (corrMsg). */
public final class CorrespondenceTexts {

    public static final String BUNDLE = "de.videotermin.correspondence.ui.CorrespondenceMessages";

    private CorrespondenceTexts() {
    }

    public static String get(String key, Object... args) {
        return Texts.from(BUNDLE, key, args);
    }

    public static void error(String clientId, String key, Object... args) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, get(key, args), null));
    }

    public static void info(String key, Object... args) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, get(key, args), null));
    }
}
