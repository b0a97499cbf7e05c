package de.videotermin.feedback.entity;

/** What became of an appointment, as the advisor records it; names are in the bundles ({@code outcome.CODE}). */
public enum Outcome {
    HELD,
    NO_SHOW,
    TECHNICAL_PROBLEMS,
    MOVED_TO_PHONE
}
