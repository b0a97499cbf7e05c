package de.videotermin.correspondence.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;

class LettersTest {

    @Test
    void theLetterContainsAddressAndLinkAsText() throws Exception {
        String link = "https://videotermin.example/t/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";
        byte[] pdf = Letters.write("Agentur", "Erika Muster\nMusterweg 1\n12345 Berlin", "Einladung", "Ihr Link:\n" + link);
        PdfReader reader = new PdfReader(pdf);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        reader.close();
        assertThat(text).contains("Musterweg 1").contains("Einladung");
        assertThat(text.replaceAll("\\s+", "")).contains(link);
    }
}
