package de.videotermin.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

/** Read-only looks into the stack's database, for what a page cannot show (the ledger, hashes, times). */
public final class Database {

    private Database() {
    }

    /** The first column of the first row of a query with one string parameter, as a number. */
    public static int count(String sql, String value) throws Exception {
        try (Connection c = DriverManager.getConnection(Stack.DB_URL, "videotermin", Stack.DB_PASSWORD);
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** The first column of the first row, a timestamp; fails if there is no row. */
    public static Instant instant(String sql, String value) throws Exception {
        try (Connection c = DriverManager.getConnection(Stack.DB_URL, "videotermin", Stack.DB_PASSWORD);
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as(sql).isTrue();
                return r.getTimestamp(1).toInstant();
            }
        }
    }
}
