package de.videotermin.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The two-node cluster that {@code ./run test} starts beside the Payara Server: haproxy ({@code videotermin.lbUrl}),
 * one Payara Micro signalling node ({@code videotermin.nodeUrl}) and {@code server-config/scripts/cluster.sh}
 * ({@code videotermin.clusterScript}) to kill and start that node. See docs/scale.md.
 */
public final class Cluster {

    public static final String LB_URL = System.getProperty("videotermin.lbUrl", "");
    public static final String NODE_URL = System.getProperty("videotermin.nodeUrl", "");
    private static final String SCRIPT = System.getProperty("videotermin.clusterScript", "");

    private Cluster() {
    }

    /** Whether the tests were given the cluster (haproxy, the Micro node and the script). */
    public static boolean isGiven() {
        return !LB_URL.isEmpty() && !NODE_URL.isEmpty() && !SCRIPT.isEmpty();
    }

    /** Runs {@code cluster.sh} with these arguments ({@code kill-node 1}, {@code start-node 1}); it must succeed. */
    public static void run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("bash", SCRIPT));
        line.addAll(List.of(command));
        Path log = Files.createTempFile("cluster", ".log");
        Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(240, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("cluster.sh " + String.join(" ", command) + " did not finish");
        }
        assertThat(process.exitValue()).as("cluster.sh " + String.join(" ", command) + ": " + Files.readString(log)).isZero();
    }
}
