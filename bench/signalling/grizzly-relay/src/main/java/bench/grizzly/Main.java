package bench.grizzly;

import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.nio.transport.TCPNIOTransportBuilder;
import org.glassfish.grizzly.strategies.SameThreadIOStrategy;

/**
 * Runs {@link RelayFilter} on Grizzly's TCP transport: {@code java bench.grizzly.Main <port>}. Reads are
 * handled on the selector threads (one per core), as Node handles them on its one event loop: no hand-over
 * to a worker pool, since nothing in the relay blocks.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        TCPNIOTransport transport = TCPNIOTransportBuilder.newInstance()
                .setIOStrategy(SameThreadIOStrategy.getInstance())
                .build();
        transport.setProcessor(FilterChainBuilder.stateless().add(new TransportFilter()).add(new RelayFilter()).build());
        transport.bind("127.0.0.1", Integer.parseInt(args[0]), 4096);
        transport.start();
        System.out.println("relay listening on " + args[0]);
        Thread.currentThread().join();
    }
}
