package de.videotermin.consultation.ticket;

/** What a participant may do in a room. */
public enum Role {
    /** Runs the consultation: admits, ends, makes the offer. */
    ADVISOR,
    /** The person the appointment is for; enters only after consent and admission. */
    CITIZEN;

    public boolean mayModerate() {
        return this == ADVISOR;
    }
}
