package de.videotermin.consultation.boundary;

import de.videotermin.consultation.control.EntryWindow;
import jakarta.ejb.ApplicationException;

/** The citizen's link is valid, but the room is not open now (too early, too late, cancelled, held). */
@ApplicationException(rollback = true)
public class RoomNotOpenException extends RuntimeException {

    private final EntryWindow.State state;

    public RoomNotOpenException(EntryWindow.State state) {
        super("the consultation room is not open: " + state);
        this.state = state;
    }

    public EntryWindow.State state() {
        return state;
    }
}
