package de.videotermin.correspondence.control;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;

/** A printable letter (A4, PDF) for citizens without email: address block, text with the personal link. */
public final class Letters {

    private Letters() {
    }

    public static byte[] write(String sender, String address, String title, String body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 70, 60, 60, 60);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(title);
            document.open();
            Font small = FontFactory.getFont(FontFactory.HELVETICA, 8);
            Font normal = FontFactory.getFont(FontFactory.HELVETICA, 11);
            Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13);
            document.add(new Paragraph(sender, small));
            document.add(new Paragraph(address == null ? "" : address, normal));
            document.add(new Paragraph(" ", normal));
            document.add(new Paragraph(title, heading));
            document.add(new Paragraph(" ", normal));
            for (String line : body.split("\n", -1)) {
                document.add(new Paragraph(line.isEmpty() ? " " : line, normal));
            }
        } catch (DocumentException e) {
            throw new IllegalStateException("could not write the letter", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }
}
