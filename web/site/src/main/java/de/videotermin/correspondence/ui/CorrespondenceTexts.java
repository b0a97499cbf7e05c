package de.videotermin.correspondence.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Page messages of the agenda, correspondence and administration pages, from their own bundle (corrMsg). */
public final class CorrespondenceTexts {

    public static final String BUNDLE = "de.videotermin.correspondence.ui.CorrespondenceMessages";

    private CorrespondenceTexts() {
    }

    public static String get(String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, FacesContext.getCurrentInstance().getViewRoot().getLocale());
        try {
            String pattern = bundle.getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    public static void error(String clientId, String key, Object... args) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, get(key, args), null));
    }

    public static void info(String key, Object... args) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, get(key, args), null));
    }
}
