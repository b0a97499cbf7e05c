package de.videotermin.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** axe-core from npm (system-tests/package.json), installed by ./run test before the tests. */
final class Axe {

    private static String source;

    private Axe() {
    }

    static synchronized String source() {
        if (source == null) {
            Path file = Path.of(System.getProperty("videotermin.axe", "node_modules/axe-core/axe.min.js"));
            try {
                source = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core not found at " + file.toAbsolutePath() + " — run npm ci in system-tests", e);
            }
        }
        return source;
    }
}
