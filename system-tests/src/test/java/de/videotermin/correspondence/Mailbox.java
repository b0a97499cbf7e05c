package de.videotermin.correspondence;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

/** A citizen's inbox on the stack's GreenMail, read over IMAP (GreenMail without auth: user and password = the address). */
final class Mailbox {

    static final int IMAP_PORT = Integer.getInteger("videotermin.imapPort", 13143);

    record Mail(String subject, String messageId, String text, String html, String ics) {
    }

    private Mailbox() {
    }

    static List<Mail> read(String address) throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", String.valueOf(IMAP_PORT));
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "5000");
        Session session = Session.getInstance(props);
        List<Mail> mails = new ArrayList<>();
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", IMAP_PORT, address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            for (Message m : inbox.getMessages()) {
                String[] ids = m.getHeader("Message-ID");
                Mail mail = new Mail(m.getSubject(), ids == null ? null : ids[0], null, null, null);
                mails.add(collect(m, mail));
            }
            inbox.close(false);
        }
        return mails;
    }

    /** Polls the inbox until a mail matches; the limit only bounds a failing test, it asserts nothing about speed. */
    static Mail await(String address, Predicate<Mail> which, Duration limit) throws Exception {
        Instant end = Instant.now().plus(limit);
        while (true) {
            for (Mail m : readQuietly(address)) {
                if (which.test(m)) {
                    return m;
                }
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("no matching mail for " + address + " within " + limit + "; inbox: " + readQuietly(address));
            }
            Thread.sleep(500);
        }
    }

    private static List<Mail> readQuietly(String address) {
        try {
            return read(address);
        } catch (Exception e) {
            return List.of();
        }
    }

    private static Mail collect(Part part, Mail mail) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                mail = collect(body, mail);
            }
            return mail;
        }
        if (part.isMimeType("text/calendar")) {
            return new Mail(mail.subject(), mail.messageId(), mail.text(), mail.html(), string(part));
        }
        if (part.isMimeType("text/html")) {
            return new Mail(mail.subject(), mail.messageId(), mail.text(), string(part), mail.ics());
        }
        if (part.isMimeType("text/plain")) {
            return new Mail(mail.subject(), mail.messageId(), string(part), mail.html(), mail.ics());
        }
        return mail;
    }

    private static String string(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String s) {
            return s;
        }
        try (InputStream in = part.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
