package de.videotermin.site;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The page language: the one the visitor chose with the language switch (kept in their session),
 * else the best match of the browser's languages (Faces does that from Accept-Language), else German.
 * Adding a language means adding its bundles and listing it here and in faces-config.xml.
 */
@Named("language")
@RequestScoped
public class Language {

    static final String SESSION_KEY = "videotermin.locale";
    public static final List<String> SUPPORTED = List.of("de", "en");

    public Locale getCurrent() {
        FacesContext context = FacesContext.getCurrentInstance();
        HttpServletRequest request = (HttpServletRequest) context.getExternalContext().getRequest();
        HttpSession session = request.getSession(false);
        Object chosen = session == null ? null : session.getAttribute(SESSION_KEY);
        if (chosen instanceof String code && SUPPORTED.contains(code)) {
            return Locale.forLanguageTag(code);
        }
        if (request.getHeader("Accept-Language") == null) {
            // The servlet container would fall back to the server's locale; the agency's is German.
            return Locale.GERMAN;
        }
        return context.getApplication().getViewHandler().calculateLocale(context);
    }

    /** Right-to-left scripts get dir="rtl"; none of today's languages needs it, the pages are ready for it. */
    public String getDirection() {
        return List.of("ar", "fa", "he", "ur").contains(getCurrent().getLanguage()) ? "rtl" : "ltr";
    }

    /** The current page in another language, keeping its parameters (such as the citizen's link token). */
    public String linkFor(String code) {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        Object forwarded = request.getAttribute("jakarta.servlet.forward.request_uri");
        String uri = forwarded instanceof String s ? s : request.getRequestURI();
        String query = forwarded instanceof String
                ? (String) request.getAttribute("jakarta.servlet.forward.query_string")
                : request.getQueryString();
        String kept = query == null ? "" : java.util.Arrays.stream(query.split("&"))
                .filter(p -> !p.isEmpty() && !p.startsWith("lang="))
                .collect(Collectors.joining("&"));
        return uri + "?" + (kept.isEmpty() ? "" : kept + "&") + "lang=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
    }
}
