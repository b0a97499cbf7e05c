package de.videotermin.site;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Remembers a language chosen with the switch ({@code ?lang=en}) for the rest of the visit. */
@WebFilter("/*")
public class LanguageFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // Before any parameter is read: form posts are UTF-8 (names like "Zoë" or "Łukasz").
        // Reading a parameter first would fix the container's default, ISO-8859-1, for this request.
        if (request.getCharacterEncoding() == null) {
            request.setCharacterEncoding("UTF-8");
        }
        String lang = request.getParameter("lang");
        if (lang != null && Language.SUPPORTED.contains(lang)) {
            request.getSession().setAttribute(Language.SESSION_KEY, lang);
        }
        chain.doFilter(request, response);
    }
}
