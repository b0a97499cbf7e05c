package de.videotermin.consultation.signalling;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Set;

/**
 * Registers {@code /rooms/{roomId}} programmatically: the endpoint is a plain {@link RoomEndpoint} per
 * connection, built by the configurator with the services looked up once (see {@link SignallingServices}),
 * instead of a CDI-managed {@code @ServerEndpoint} instance per connection.
 */
public class SignallingEndpoints implements ServerApplicationConfig {

    static final String PATH = "/rooms/{roomId}";

    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
        return Set.of(ServerEndpointConfig.Builder.create(RoomEndpoint.class, PATH)
                .configurator(new PlainEndpoints())
                .build());
    }

    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        return Set.of(); // no annotated endpoints in this module
    }

    /** Makes each connection's endpoint without CDI; the services are resolved at the first connection. */
    static final class PlainEndpoints extends ServerEndpointConfig.Configurator {

        private volatile RoomEndpoint.Services services;

        @Override
        public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
            if (endpointClass != RoomEndpoint.class) {
                throw new InstantiationException("unexpected endpoint " + endpointClass.getName());
            }
            RoomEndpoint.Services current = services;
            if (current == null) {
                current = CDI.current().select(SignallingServices.class).get().forEndpoints();
                services = current;
            }
            return endpointClass.cast(new RoomEndpoint(current));
        }
    }
}
