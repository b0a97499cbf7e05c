package org.glassfish.tyrus.core;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Test stand-in with the shape of Tyrus 2.1's container: the scheduler in a private final field. */
public class BaseContainer {

    private final ScheduledExecutorService managedScheduledExecutorService = Executors.newSingleThreadScheduledExecutor();

    public ScheduledExecutorService getScheduledExecutorService() {
        return managedScheduledExecutorService;
    }
}
