package de.videotermin.feedback.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;

/** That an appointment's survey was answered: a keyed hash only, nothing that leads to the answer. */
@Entity
@Table(name = "feedback_submission")
public class FeedbackSubmission {

    @Id
    @Column(name = "submission_hash")
    private String hash;

    protected FeedbackSubmission() {
    }

    public FeedbackSubmission(String hash) {
        this.hash = Objects.requireNonNull(hash);
    }

    public String getHash() { return hash; }
}
