package de.videotermin.statistics.ui;

import de.videotermin.statistics.boundary.Statistics;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * CSV export of exactly what the dashboard shows for the same query string (same table, same
 * language). Under /analyst/, so the same security constraint guards it as the page.
 */
@WebServlet("/analyst/statistics.csv")
public class StatisticsCsvServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Statistics statistics;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = language(request);
        StatisticsQuery query = StatisticsQuery.parse(request.getParameterMap());
        if (!query.problems().isEmpty()) {
            ResourceBundle texts = ResourceBundle.getBundle(StatisticsTable.BUNDLE, locale);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().println(texts.getString(query.problems().get(0)));
            return;
        }
        String csv = StatisticsTable.of(statistics.report(query.filter()), locale).csv();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"videotermin-statistics-"
                + query.filter().from() + "-" + query.filter().to() + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(csv.getBytes(StandardCharsets.UTF_8));
    }

    /** The first accepted language we support, as Faces chooses for the page; German by default. */
    private static Locale language(HttpServletRequest request) {
        for (Locale accepted : java.util.Collections.list(request.getLocales())) {
            if ("en".equals(accepted.getLanguage())) {
                return Locale.ENGLISH;
            }
            if ("de".equals(accepted.getLanguage())) {
                return Locale.GERMAN;
            }
        }
        return Locale.GERMAN;
    }
}
