package bench.relay;

import java.util.Map;
import org.glassfish.tyrus.server.Server;

/** Runs {@link Relay} on Tyrus's own Grizzly server: {@code java bench.relay.Main <port>}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Server server = new Server("127.0.0.1", Integer.parseInt(args[0]), "/", Map.of(), Relay.class);
        server.start();
        System.out.println("relay listening on " + args[0]);
        Thread.currentThread().join();
    }
}
