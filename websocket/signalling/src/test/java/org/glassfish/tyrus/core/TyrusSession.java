package org.glassfish.tyrus.core;

/** Test stand-in for Tyrus's session: only its idle-timeout command class, by name. */
public class TyrusSession {

    public static final class IdleTimeoutCommand implements Runnable {
        private final Runnable action;

        public IdleTimeoutCommand(Runnable action) {
            this.action = action;
        }

        @Override
        public void run() {
            action.run();
        }
    }
}
