package de.videotermin.correspondence.control;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The {@code videotermin.mail.*} settings, read afresh for every batch (so an operator can repoint
 * the SMTP server without a redeploy; Payara caches MicroProfile Config values for its cache duration).
 */
public record MailSettings(String host, int port, String username, String password, boolean startTls,
                           String from, String fromName, int timeoutMillis, int batchSize,
                           Duration retryInitial, Duration retryMax, int maxAttempts, List<Integer> reminderOffsetsMinutes) {

    public static MailSettings current() {
        Config c = ConfigProvider.getConfig(MailSettings.class.getClassLoader());
        return new MailSettings(
                c.getOptionalValue("videotermin.mail.smtp.host", String.class).orElse("127.0.0.1"),
                c.getOptionalValue("videotermin.mail.smtp.port", Integer.class).orElse(3025),
                c.getOptionalValue("videotermin.mail.smtp.username", String.class).orElse(null),
                c.getOptionalValue("videotermin.mail.smtp.password", String.class).orElse(null),
                c.getOptionalValue("videotermin.mail.smtp.starttls", Boolean.class).orElse(false),
                c.getOptionalValue("videotermin.mail.from", String.class).orElse("termine@videotermin.local"),
                c.getOptionalValue("videotermin.mail.from-name", String.class).orElse("Videotermin"),
                c.getOptionalValue("videotermin.mail.smtp.timeout-ms", Integer.class).orElse(5000),
                c.getOptionalValue("videotermin.mail.batch-size", Integer.class).orElse(200),
                Duration.ofSeconds(c.getOptionalValue("videotermin.mail.retry.initial-seconds", Integer.class).orElse(5)),
                Duration.ofSeconds(c.getOptionalValue("videotermin.mail.retry.max-seconds", Integer.class).orElse(900)),
                c.getOptionalValue("videotermin.mail.retry.max-attempts", Integer.class).orElse(30),
                Arrays.stream(c.getOptionalValue("videotermin.mail.reminder.offsets-minutes", String.class).orElse("1440,60")
                                .split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).map(Integer::valueOf).sorted().toList());
    }

    public Properties sessionProperties() {
        Properties p = new Properties();
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", String.valueOf(port));
        p.put("mail.smtp.connectiontimeout", String.valueOf(timeoutMillis));
        p.put("mail.smtp.timeout", String.valueOf(timeoutMillis));
        p.put("mail.smtp.writetimeout", String.valueOf(timeoutMillis));
        p.put("mail.smtp.auth", String.valueOf(username != null));
        p.put("mail.smtp.starttls.enable", String.valueOf(startTls));
        p.put("mail.smtp.starttls.required", String.valueOf(startTls));
        return p;
    }
}
