package de.videotermin.privacy.control;

import java.time.Duration;
import java.time.Instant;

/** How long each kind of data is kept; one place for the timer and for the citizen's receipt. */
public record RetentionPolicy(Duration contact, Duration callMetadata, Duration consentEvidence) {

    public Instant contactErasedAt(Instant appointmentEnd) {
        return appointmentEnd.plus(contact);
    }

    public Instant callMetadataErasedAt(Instant recordedAt) {
        return recordedAt.plus(callMetadata);
    }

    public Instant consentEvidenceErasedAt(Instant givenAt) {
        return givenAt.plus(consentEvidence);
    }
}
