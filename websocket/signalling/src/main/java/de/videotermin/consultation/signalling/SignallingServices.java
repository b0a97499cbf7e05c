package de.videotermin.consultation.signalling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What every {@link RoomEndpoint} needs, injected once. The endpoint itself is a plain object made by
 * {@link SignallingEndpoints} for each connection: with a CDI-managed endpoint, Payara built an injection
 * target and a creational context per connection, which made opening a connection six times slower than
 * with PeerJS (bench/signalling) and kept per-connection CDI state for the life of the connection.
 */
@ApplicationScoped
public class SignallingServices {

    @Inject
    JoinTickets tickets;

    @Inject
    Rooms rooms;

    @Inject
    SignallingMetrics metrics;

    @Inject
    CloseScheduler closeScheduler;

    @Inject
    IdleConnections idle;

    @Inject
    FloodLimits floodLimits;

    /**
     * The services as plain references for the endpoints. (The endpoints hold this bean's client proxy
     * otherwise, and a field read through a proxy sees the proxy's own, empty fields.)
     */
    RoomEndpoint.Services forEndpoints() {
        return new RoomEndpoint.Services(direct(tickets::handOver), direct(rooms::handOver), direct(metrics::handOver),
                direct(closeScheduler::handOver), direct(idle::handOver), direct(floodLimits::handOver));
    }

    /**
     * The bean instance behind an application-scoped bean's client proxy, for the per-frame path: every
     * call through a Weld client proxy goes through reflection (a quarter of the CPU per frame in the
     * bench/signalling profile). A {@code self()} returning {@code this} does not work: Weld hands back
     * the proxy whenever a method returns the instance itself. Handing {@code this} to a callback does.
     */
    static <T> T direct(java.util.function.Consumer<java.util.function.Consumer<T>> handOver) {
        java.util.concurrent.atomic.AtomicReference<T> instance = new java.util.concurrent.atomic.AtomicReference<>();
        handOver.accept(instance::set);
        return instance.get();
    }
}
