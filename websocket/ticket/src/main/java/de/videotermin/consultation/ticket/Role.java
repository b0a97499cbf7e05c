package de.videotermin.consultation.ticket;

/** What a participant may do in a room. */
public enum Role {
    /** Runs the consultation: admits, ends, makes the offer. */
    ADVISOR,
    /** The person the appointment is for; enters only after consent and admission. */
    CITIZEN,
    /**
     * One more person the advisor invited for this appointment (an interpreter, a relative, a
     * colleague): own link, own consent, enters only after admission, can be removed by the advisor.
     */
    GUEST;

    public boolean mayModerate() {
        return this == ADVISOR;
    }
}
