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
        String lang = request.getParameter("lang");
        if (lang != null && Language.SUPPORTED.contains(lang)) {
            request.getSession().setAttribute(Language.SESSION_KEY, lang);
        }
        chain.doFilter(request, response);
    }
}
