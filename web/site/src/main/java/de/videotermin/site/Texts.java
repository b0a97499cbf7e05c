package de.videotermin.site;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Page messages from the resource bundle in the viewer's language. */
public final class Texts {

    public static final String BUNDLE = "de.videotermin.site.Messages";

    private Texts() {
    }

    public static String get(String key, Object... args) {
        return from(BUNDLE, key, args);
    }

    /** A text from another of the site's bundles, in the viewer's language; the key itself if it is missing. */
    public static String from(String bundleName, String key, Object... args) {
        FacesContext context = FacesContext.getCurrentInstance();
        ResourceBundle bundle = ResourceBundle.getBundle(bundleName, context.getViewRoot().getLocale());
        try {
            String pattern = bundle.getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    public static void error(String clientId, String key, Object... args) {
        FacesContext.getCurrentInstance().addMessage(clientId,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, get(key, args), null));
    }

    public static void info(String key, Object... args) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_INFO, get(key, args), null));
    }
}
