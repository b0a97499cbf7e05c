package de.videotermin.privacy.ui;

import de.videotermin.appointment.boundary.AppointmentNotFoundException;
import de.videotermin.appointment.boundary.Appointments;
import de.videotermin.appointment.entity.Appointment;
import de.videotermin.consent.boundary.Consents;
import de.videotermin.consent.entity.ConsentRecord;
import de.videotermin.consultation.boundary.DeviceChecks;
import de.videotermin.privacy.boundary.Retention;
import de.videotermin.privacy.control.RetentionPolicy;
import de.videotermin.site.LinkGuard;
import de.videotermin.site.SiteSettings;
import de.videotermin.site.Texts;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * citizen/privacy.xhtml: the citizen's receipt — what is stored about this appointment, why,
 * and when it will be deleted (the same periods the retention timer uses) — and a way to withdraw.
 */
@Named
@ViewScoped
public class PrivacyReceiptView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One line of the receipt. */
    public record Item(String what, String value, String why, String deletedOn) implements Serializable {
    }

    @Inject
    Appointments appointments;

    @Inject
    Consents consents;

    @Inject
    ReceiptLines lines;

    @Inject
    DeviceChecks deviceChecks;

    @Inject
    Retention retention;

    @Inject
    SiteSettings site;

    @Inject
    LinkGuard guard;

    private boolean found;
    private String token;
    private UUID appointmentId;
    private boolean consentValid;
    private final List<Item> items = new ArrayList<>();

    @PostConstruct
    void load() {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        token = external.getRequestParameterMap().get("t");
        LinkGuard.Lookup lookup = guard.lookUp(token);
        if (lookup.found()) {
            found = true;
            appointmentId = lookup.appointment().getId();
            build(lookup.appointment(), context.getViewRoot().getLocale());
        }
    }

    private void build(Appointment appointment, Locale locale) {
        items.clear();
        RetentionPolicy policy = retention.policy();
        String contactUntil = date(policy.contactErasedAt(appointment.endsAt()), locale);
        items.add(new Item(Texts.get("receipt.appointment"), site.formatDateTime(appointment.getStartsAt(), locale)
                + " – " + appointment.getAdvisorName(), Texts.get("receipt.why.appointment"), contactUntil));
        items.add(new Item(Texts.get("receipt.name"), appointment.getCitizenName(), Texts.get("receipt.why.contact"), contactUntil));
        if (appointment.getCitizenEmail() != null) {
            items.add(new Item(Texts.get("receipt.email"), appointment.getCitizenEmail(), Texts.get("receipt.why.contact"), contactUntil));
        }
        List<ConsentRecord> ledger = consents.ledger(appointment.getId());
        consentValid = ledger.stream().anyMatch(ConsentRecord::isValid);
        items.addAll(lines.consents(ledger, policy, locale));
        deviceChecks.latest(appointment.getId()).ifPresent(check -> items.add(new Item(Texts.get("receipt.deviceCheck"),
                Texts.get("receipt.deviceCheckValue", site.formatDateTime(check.getCheckedAt(), locale), check.getBrowserFamily()),
                Texts.get("receipt.why.deviceCheck"), date(policy.callMetadataErasedAt(check.getCheckedAt()), locale))));
        items.addAll(lines.calls(appointment.getId(), policy, locale));
    }

    private String date(Instant instant, Locale locale) {
        return lines.date(instant, locale);
    }

    public void withdraw() {
        if (!found) {
            return;
        }
        consents.withdraw(appointmentId);
        Texts.info("receipt.withdrawn");
        build(appointments.byLinkToken(token), FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public boolean isFound() { return found; }
    public boolean isConsentValid() { return consentValid; }
    public List<Item> getItems() { return items; }
    public String getToken() { return token; }
}
