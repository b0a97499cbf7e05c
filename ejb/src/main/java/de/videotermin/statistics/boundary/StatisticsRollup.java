package de.videotermin.statistics.boundary;

import de.videotermin.statistics.control.QualityGauges;
import de.videotermin.statistics.control.Tally;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.logging.Logger;

/**
 * Keeps the daily roll-up current: every ten minutes yesterday and today are rebuilt (late survey
 * answers and outcomes belong to their consultation's day); older days on request, e.g. after loading
 * generated data. The work is one database function, {@code statistics_refresh}, from migration V3.
 */
@Singleton
public class StatisticsRollup {

    private static final Logger LOG = Logger.getLogger(StatisticsRollup.class.getName());
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @PersistenceContext
    EntityManager em;

    @Inject
    QualityGauges gauges;

    @Schedule(minute = "*/10", hour = "*", persistent = false, info = "statistics roll-up")
    void refreshRecentDays() {
        LocalDate today = LocalDate.now(ZONE);
        refresh(today.minusDays(1), today);
        Object[] sums = (Object[]) em.createNativeQuery("select 0, " + Statistics.SUMS + " from statistics_day_area where day = ?1")
                .setParameter(1, today).getSingleResult();
        gauges.update(Tally.of(sums, 1));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void refresh(LocalDate from, LocalDate to) {
        long started = System.nanoTime();
        em.createNativeQuery("select cast(statistics_refresh(?1, ?2) as text)")
                .setParameter(1, from).setParameter(2, to).getSingleResult();
        LOG.fine(() -> "statistics roll-up " + from + ".." + to + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }
}
