package de.videotermin.privacy.ui;

import de.videotermin.consent.entity.ConsentRecord;
import de.videotermin.consultation.boundary.CallRecords;
import de.videotermin.privacy.control.RetentionPolicy;
import de.videotermin.privacy.ui.PrivacyReceiptView.Item;
import de.videotermin.site.SiteSettings;
import de.videotermin.site.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The lines both receipts share (the citizen's and an invited guest's): consent ledger entries and the
 * call records, each with the date the retention timer deletes it ({@link RetentionPolicy}).
 */
@ApplicationScoped
public class ReceiptLines {

    @Inject
    SiteSettings site;

    @Inject
    CallRecords calls;

    public List<Item> consents(List<ConsentRecord> ledger, RetentionPolicy policy, Locale locale) {
        return ledger.stream().map(record -> new Item(Texts.get("receipt.consent"),
                Texts.get("receipt.consent." + record.getDecision().name(), record.getText().getVersion(),
                        site.formatDateTime(record.getGivenAt(), locale))
                        + (record.getWithdrawnAt() == null ? ""
                        : " " + Texts.get("receipt.withdrawnOn", site.formatDateTime(record.getWithdrawnAt(), locale))),
                Texts.get("receipt.why.consent"), date(policy.consentEvidenceErasedAt(record.getGivenAt()), locale))).toList();
    }

    public List<Item> calls(UUID appointmentId, RetentionPolicy policy, Locale locale) {
        return calls.forAppointment(appointmentId).stream().map(call -> new Item(Texts.get("receipt.call"),
                Texts.get("receipt.callValue", site.formatDateTime(call.getStartedAt(), locale),
                        call.getDurationSeconds() == null ? "–" : String.valueOf(call.getDurationSeconds() / 60),
                        call.getConnectionType() == null ? "–" : call.getConnectionType()),
                Texts.get("receipt.why.call"), date(policy.callMetadataErasedAt(call.getStartedAt()), locale))).toList();
    }

    public String date(Instant instant, Locale locale) {
        return site.formatDate(instant, locale);
    }
}
