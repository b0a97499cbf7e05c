package de.videotermin.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Read-only looks into the stack's database, for what a page cannot show (the ledger, hashes, times). */
public final class Database {

    private Database() {
    }

    /** The first column of the first row of a query with one string parameter, as a number. */
    public static int count(String sql, String value) throws Exception {
        return first(sql, value, r -> r.getInt(1));
    }

    /** The first column of the first row, a timestamp; fails if there is no row. */
    public static Instant instant(String sql, String value) throws Exception {
        return first(sql, value, r -> r.getTimestamp(1).toInstant());
    }

    /** The first column of the first row, as text; fails if there is no row. */
    public static String text(String sql, String value) throws Exception {
        return first(sql, value, r -> r.getString(1));
    }

    private interface Column<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static <T> T first(String sql, String value, Column<T> column) throws Exception {
        try (Connection c = DriverManager.getConnection(Stack.DB_URL, "videotermin", Stack.DB_PASSWORD);
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as(sql).isTrue();
                return column.read(r);
            }
        }
    }
}
