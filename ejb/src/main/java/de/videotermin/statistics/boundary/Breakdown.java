package de.videotermin.statistics.boundary;

/** What the rows of a report are: periods, legal areas or sites. */
public enum Breakdown {
    PERIOD, LEGAL_AREA, SITE
}
