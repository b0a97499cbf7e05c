package de.videotermin.statistics.ui;

/**
 * Which rows of a long report the screen shows: rows by site come 50 to a page (a thousand sites as
 * one table are 13,000 cells nobody reads on screen, and rendering them dominated the view's time).
 * The total and the CSV always cover every row. A page beyond the last shows the last.
 */
public record RowPage(int number, int size, int rows) {

    public static final int SITES_PER_PAGE = 50;

    public static RowPage of(int requested, int size, int rows) {
        int last = Math.max(1, (rows + size - 1) / size);
        return new RowPage(Math.min(Math.max(1, requested), last), size, rows);
    }

    /** Index of the first row on this page (inclusive). */
    public int from() {
        return Math.min(rows, (number - 1) * size);
    }

    /** Index after the last row on this page (exclusive). */
    public int to() {
        return Math.min(rows, number * size);
    }

    public int pages() {
        return Math.max(1, (rows + size - 1) / size);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pages();
    }

    public boolean isPaged() {
        return pages() > 1;
    }
}
