package de.videotermin.feedback.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Messages of the feedback pages from FeedbackMessages in the viewer's language. */
final class FeedbackTexts {

    static final String BUNDLE = "de.videotermin.feedback.ui.FeedbackMessages";

    private FeedbackTexts() {
    }

    static String get(String key) {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            return ResourceBundle.getBundle(BUNDLE, context.getViewRoot().getLocale()).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    static void add(FacesMessage.Severity severity, String key) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, get(key), null));
    }
}
