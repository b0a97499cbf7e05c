package de.videotermin.correspondence.control;

import de.videotermin.correspondence.entity.MessageKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a template an admin wrote before it is saved. Only the placeholders the renderer fills are
 * allowed (anything else would reach the citizen as literal braces); an invitation or letter without
 * the personal link would leave the citizen with no way in; and the messages sent after the
 * invitation cannot carry the link, because only its hash is stored.
 */
public final class TemplateCheck {

    public static final List<String> PLACEHOLDERS = List.of("citizenName", "advisorName", "legalArea", "date", "time",
            "duration", "topic", "extraInfo", "link", "manageLink");
    /** What a guest's invitation knows: the guest, not the citizen (their name and topic are not the guest's business). */
    public static final List<String> GUEST_PLACEHOLDERS = List.of("guestName", "advisorName", "legalArea", "date", "time",
            "duration", "link", "privacyLink");
    private static final Set<String> LINKS = Set.of("link", "manageLink", "privacyLink");
    /** Anything between double braces, so that "{{ link }}" or "{{Link}}" is reported, not sent literally. */
    private static final Pattern ANY_PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}");

    /** One problem: a stable reason key, the part of the template (subject, text, html) and the offending name. */
    public record Problem(String reason, String part, String name) {
    }

    private TemplateCheck() {
    }

    public static boolean carriesLink(MessageKind kind) {
        return kind == MessageKind.INVITATION || kind == MessageKind.LETTER || kind == MessageKind.GUEST_INVITATION;
    }

    /** The placeholders a template of this kind may use. */
    public static List<String> placeholders(MessageKind kind) {
        return kind == MessageKind.GUEST_INVITATION ? GUEST_PLACEHOLDERS : PLACEHOLDERS;
    }

    public static List<Problem> check(MessageKind kind, String subject, String bodyText, String bodyHtml) {
        List<Problem> problems = new ArrayList<>();
        if (subject == null || subject.isBlank()) {
            problems.add(new Problem("required", "subject", null));
        } else if (subject.length() > 300) {
            problems.add(new Problem("tooLong", "subject", null));
        }
        if (bodyText == null || bodyText.isBlank()) {
            problems.add(new Problem("required", "text", null));
        }
        boolean html = bodyHtml != null && !bodyHtml.isBlank();
        List<String> allowed = placeholders(kind);
        Set<String> textNames = names(subject, "subject", allowed, problems);
        textNames.addAll(names(bodyText, "text", allowed, problems));
        Set<String> htmlNames = names(bodyHtml, "html", allowed, problems);
        for (String link : LINKS) {
            if (!carriesLink(kind) && (textNames.contains(link) || htmlNames.contains(link))) {
                problems.add(new Problem("linkNotAvailable", textNames.contains(link) ? "text" : "html", link));
            }
        }
        if (carriesLink(kind)) {
            if (bodyText != null && !bodyText.isBlank() && !textNames.contains("link")) {
                problems.add(new Problem("linkMissing", "text", "link"));
            }
            if (html && kind != MessageKind.LETTER && !htmlNames.contains("link")) {
                problems.add(new Problem("linkMissing", "html", "link"));
            }
        }
        return problems;
    }

    private static Set<String> names(String template, String part, List<String> allowed, List<Problem> problems) {
        Set<String> names = new LinkedHashSet<>();
        if (template == null) {
            return names;
        }
        Matcher m = ANY_PLACEHOLDER.matcher(template);
        while (m.find()) {
            String name = m.group(1);
            if (allowed.contains(name)) {
                names.add(name);
            } else {
                problems.add(new Problem("unknownPlaceholder", part, name));
            }
        }
        return names;
    }
}
