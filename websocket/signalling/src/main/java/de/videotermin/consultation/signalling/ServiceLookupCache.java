package de.videotermin.consultation.signalling;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A context class loader for writing frames that answers {@code META-INF/services/...} lookups from a
 * cache and delegates everything else to the application's class loader.
 *
 * <p>Why: Tyrus (Payara 6) re-arms the session's idle timer for every frame it sends, as a task on the
 * container's managed scheduled executor, and Payara captures the thread context for each task with a
 * {@code ServiceLoader} lookup through the context class loader — a scan of every jar behind the web
 * application's class loader, per frame. Measured in bench/signalling that was over half of the server's
 * CPU time per relayed message. The service files do not change while the application runs, so the
 * answer is cached; classes still come from the application's class loader.
 */
final class ServiceLookupCache extends ClassLoader {

    private static final String SERVICES = "META-INF/services/";
    private static volatile ServiceLookupCache instance;

    private final Map<String, List<URL>> services = new ConcurrentHashMap<>();

    private ServiceLookupCache(ClassLoader application) {
        super(application);
    }

    /** Runs the action with this cache as the context class loader (created for the application on first use). */
    static void run(Runnable action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        ServiceLookupCache cache = instance;
        if (cache == null) {
            ClassLoader application = ServiceLookupCache.class.getClassLoader();
            cache = new ServiceLookupCache(application);
            instance = cache;
        }
        thread.setContextClassLoader(cache);
        try {
            action.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (!name.startsWith(SERVICES)) {
            return super.getResources(name);
        }
        List<URL> cached = services.get(name);
        if (cached == null) {
            cached = List.copyOf(Collections.list(getParent().getResources(name)));
            services.putIfAbsent(name, cached);
        }
        return Collections.enumeration(cached);
    }
}
