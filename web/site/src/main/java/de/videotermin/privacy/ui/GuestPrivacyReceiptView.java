package de.videotermin.privacy.ui;

import de.videotermin.appointment.entity.Appointment;
import de.videotermin.consent.boundary.Consents;
import de.videotermin.consent.entity.ConsentRecord;
import de.videotermin.consultation.entity.GuestInvitation;
import de.videotermin.consultation.ui.GuestLinks;
import de.videotermin.privacy.boundary.Retention;
import de.videotermin.privacy.control.RetentionPolicy;
import de.videotermin.privacy.ui.PrivacyReceiptView.Item;
import de.videotermin.site.SiteSettings;
import de.videotermin.site.Texts;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * guest/privacy.xhtml: an invited guest's own receipt — what is stored about them (the name, role and e-mail
 * address the advisor entered, their consent entries, the technical record of the call), why, and when the retention
 * timer deletes it ({@link Retention}: the name is erased and the link closed with the citizen's contact
 * data; the role and language stay with the appointment, without a name; consent evidence and call records
 * go after their own periods). The result of their device test is not stored at all. The guest can withdraw
 * their consent here too: the ledger records it, no new join ticket is issued, and signalling takes them out
 * of a running call on whatever device it is open (Consents → ConsentWithdrawn); the consultation goes on
 * without them.
 */
@Named
@ViewScoped
public class GuestPrivacyReceiptView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    GuestLinks links;

    @Inject
    Consents consents;

    @Inject
    Retention retention;

    @Inject
    ReceiptLines lines;

    @Inject
    SiteSettings site;

    private String outcome;
    private String token;
    private UUID guestId;
    private boolean consentValid;
    private final List<Item> items = new ArrayList<>();

    @PostConstruct
    void load() {
        FacesContext context = FacesContext.getCurrentInstance();
        token = context.getExternalContext().getRequestParameterMap().get("g");
        GuestLinks.Lookup lookup = links.lookUp(token);
        if (!lookup.found()) {
            outcome = lookup.failure().name();
            return;
        }
        outcome = "FOUND";
        guestId = lookup.guest().getId();
        build(lookup.guest(), lookup.appointment(), context.getViewRoot().getLocale());
    }

    private void build(GuestInvitation guest, Appointment appointment, Locale locale) {
        items.clear();
        RetentionPolicy policy = retention.policy();
        String nameErasedOn = lines.date(policy.contactErasedAt(appointment.endsAt()), locale);
        items.add(new Item(Texts.get("guestReceipt.invitation"),
                Texts.get("guestReceipt.invitationValue", site.formatDateTime(appointment.getStartsAt(), locale),
                        appointment.getAdvisorName(), site.formatDateTime(guest.getCreatedAt(), locale)),
                Texts.get("guestReceipt.why.invitation"), Texts.get("guestReceipt.linkClosesOn", nameErasedOn)));
        items.add(new Item(Texts.get("guestReceipt.name"), guest.getDisplayName(), Texts.get("guestReceipt.why.name"),
                Texts.get("guestReceipt.nameErasedOn", nameErasedOn)));
        if (guest.getEmail() != null) {
            // retention erases it with the name (guest_invitation.email and the outbox row's recipient)
            items.add(new Item(Texts.get("guestReceipt.email"), guest.getEmail(), Texts.get("guestReceipt.why.email"),
                    Texts.get("guestReceipt.emailErasedOn", nameErasedOn)));
        }
        items.add(new Item(Texts.get("guestReceipt.role"),
                Texts.get("guest.kind." + guest.getKind().name()) + ", " + Texts.get("guestReceipt.language." + guest.getLanguage()),
                Texts.get("guestReceipt.why.role"), Texts.get("guestReceipt.roleKept")));
        List<ConsentRecord> ledger = consents.guestLedger(guest.getId());
        consentValid = ledger.stream().anyMatch(ConsentRecord::isValid);
        items.addAll(lines.consents(ledger, policy, locale));
        items.addAll(lines.calls(appointment.getId(), policy, locale));
    }

    /** Withdraws only this guest's consent (recorded in the ledger); the citizen's stays as it is. */
    public void withdraw() {
        if (!"FOUND".equals(outcome)) {
            return;
        }
        GuestLinks.Lookup lookup = links.lookUp(token);
        if (!lookup.found()) {
            outcome = lookup.failure().name();
            return;
        }
        // the ledger also tells signalling, which takes the guest out of a running call on any device
        consents.withdrawAsGuest(guestId);
        Texts.info("guestReceipt.withdrawn");
        build(lookup.guest(), lookup.appointment(), FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public String getOutcome() { return outcome; }
    public boolean isConsentValid() { return consentValid; }
    public List<Item> getItems() { return items; }
    public String getToken() { return token; }
}
