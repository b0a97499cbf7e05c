package de.videotermin.correspondence.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

    @Test
    void escapesValuesInHtmlButNotInText() {
        Map<String, String> values = Map.of("citizenName", "<script>alert(1)</script> & Co");
        assertThat(TemplateRenderer.html("<p>Hallo {{citizenName}}</p>", values))
                .isEqualTo("<p>Hallo &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</p>");
        assertThat(TemplateRenderer.text("Hallo {{citizenName}}", values)).isEqualTo("Hallo <script>alert(1)</script> & Co");
    }

    @Test
    void unknownPlaceholdersBecomeEmptyAndDollarSignsSurvive() {
        assertThat(TemplateRenderer.text("{{nope}}|{{x}}", Map.of("x", "$1 \\ 2"))).isEqualTo("|$1 \\ 2");
    }
}
