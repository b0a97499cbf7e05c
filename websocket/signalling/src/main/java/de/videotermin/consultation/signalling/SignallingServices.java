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
        return new RoomEndpoint.Services(tickets, rooms.self(), metrics.self(), closeScheduler, idle.self(), floodLimits);
    }
}
