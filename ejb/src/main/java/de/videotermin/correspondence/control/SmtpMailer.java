package de.videotermin.correspondence.control;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * One SMTP connection for many messages (Jakarta Mail, no JNDI session: settings from
 * MicroProfile Config). Each message has a stable Message-ID derived from its outbox row.
 */
public final class SmtpMailer implements AutoCloseable {

    public record Mail(String id, String to, String subject, String text, String html, String ics, String icsMethod) {
    }

    private final MailSettings settings;
    private final Session session;
    private final Transport transport;

    public SmtpMailer(MailSettings settings) throws MessagingException {
        this.settings = settings;
        this.session = Session.getInstance(settings.sessionProperties());
        this.transport = session.getTransport("smtp");
        transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
    }

    public void send(Mail mail) throws MessagingException {
        MimeMessage message = build(session, settings, mail);
        transport.sendMessage(message, message.getAllRecipients());
    }

    /**
     * Builds and serialises one message without sending it. The first message after a start loads
     * Jakarta Activation's and Mail's providers under global locks (seconds on a busy machine);
     * doing that once at deployment keeps it off the first real batch.
     */
    public static void warmUp(MailSettings settings) {
        try {
            Session session = Session.getInstance(settings.sessionProperties());
            MimeMessage message = build(session, settings, new Mail("warm-up", "warm-up@videotermin.invalid", "-", "-",
                    "<p>-</p>", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "REQUEST"));
            message.writeTo(java.io.OutputStream.nullOutputStream());
        } catch (MessagingException | java.io.IOException e) {
            // only a warm-up: the real messages report their own errors
        }
    }

    private static MimeMessage build(Session session, MailSettings settings, Mail mail) throws MessagingException {
        MimeMessage message = new StableIdMessage(session, "<" + mail.id() + "@videotermin>");
        try {
            message.setFrom(new InternetAddress(settings.from(), settings.fromName(), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("bad sender name", e);
        }
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
        message.setSubject(mail.subject(), "UTF-8");
        message.setSentDate(new Date());

        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), "UTF-8", "plain");
        alternative.addBodyPart(text);
        if (mail.html() != null && !mail.html().isBlank()) {
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), "UTF-8", "html");
            alternative.addBodyPart(html);
        }
        if (mail.ics() == null) {
            message.setContent(alternative);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            mixed.addBodyPart(body);
            MimeBodyPart calendar = new MimeBodyPart();
            String type = "text/calendar; charset=UTF-8; method=" + mail.icsMethod();
            calendar.setDataHandler(new DataHandler(new ByteArrayDataSource(mail.ics().getBytes(StandardCharsets.UTF_8), type)));
            calendar.setFileName("termin.ics");
            calendar.setHeader("Content-Type", type + "; name=\"termin.ics\"");
            mixed.addBodyPart(calendar);
            message.setContent(mixed);
        }
        message.saveChanges();
        return message;
    }

    /** Whether the connection can still be used (a worker keeps it across batches). */
    public boolean isConnected() {
        return transport.isConnected();
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (MessagingException e) {
            // closing a broken connection: nothing to do
        }
    }

    private static final class StableIdMessage extends MimeMessage {
        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
