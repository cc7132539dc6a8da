package org.expodesk.checkin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The live view of a show day (docs/checkin.md, "Live view"): who was admitted today by category and
 * by gate, who is inside now, and admissions per hour against the same hour of the same show day at
 * the previous edition. Counted by the database from the scan log, so offline scans count once they
 * are uploaded; an hour is an hour of the edition's own time zone.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LiveCounts {

    /** People admitted today in one category or at one gate; {@code inside}: of them, not scanned out since. */
    public record Count(String name, long admitted, long inside) {
    }

    /** One hour of today: admissions in it, and in the same hour at the previous edition (null without one). */
    public record Hour(LocalTime from, long admitted, Long previous) {
    }

    /**
     * {@code day}: the edition's date today; {@code showDay}: its number from 1 at opening, 0 outside
     * the show. People admitted (each counted once a day), admission scans, re-scans answered
     * ALREADY_ADMITTED and rejected scans today.
     */
    public record Live(Exhibition exhibition, LocalDate day, int showDay, Instant at, long people, long inside,
                       long admissions, long repeats, long rejected, List<Count> categories, List<Count> gates,
                       List<Hour> hours, Exhibition previous, LocalDate previousDay, Long previousByNow) {
    }

    @Inject
    ExhibitionService exhibitions;

    @Inject
    Clock clock;

    public Live of(long exhibitionId) {
        Exhibition exhibition = exhibitions.get(exhibitionId);
        ZoneId zone = ZoneId.of(exhibition.timezone);
        Instant now = Instant.now(clock);
        LocalDate day = LocalDate.ofInstant(now, zone);
        ZonedDateTime start = day.atStartOfDay(zone);
        Instant from = start.toInstant();
        Instant until = day.plusDays(1).atStartOfDay(zone).toInstant();
        EntityManager em = CheckinScan.getEntityManager();

        long people = 0;
        long admissions = 0;
        long repeats = 0;
        long rejected = 0;
        for (Object[] row : rows(em.createNativeQuery("SELECT result, COUNT(*), COUNT(DISTINCT badge_id) FROM checkin_scan"
                + " WHERE exhibition_id = ?1 AND scanned_at >= ?2 AND scanned_at < ?3 GROUP BY result")
                .setParameter(1, exhibitionId).setParameter(2, from).setParameter(3, until).getResultList())) {
            CheckinRules.Result result = CheckinRules.Result.valueOf((String) row[0]);
            long scans = ((Number) row[1]).longValue();
            switch (result) {
                case ADMITTED -> {
                    admissions = scans;
                    people = ((Number) row[2]).longValue();
                }
                case ALREADY_ADMITTED -> repeats = scans;
                case REJECTED -> rejected = scans;
                default -> {
                }
            }
        }

        Map<String, long[]> byCategory = new TreeMap<>();
        for (Object[] row : rows(em.createNativeQuery("SELECT COALESCE(category, ''), COUNT(DISTINCT badge_id)"
                + " FROM checkin_scan WHERE exhibition_id = ?1 AND scanned_at >= ?2 AND scanned_at < ?3"
                + " AND result = 'ADMITTED' GROUP BY category")
                .setParameter(1, exhibitionId).setParameter(2, from).setParameter(3, until).getResultList())) {
            byCategory.computeIfAbsent((String) row[0], c -> new long[2])[0] = ((Number) row[1]).longValue();
        }
        // inside: the admission summary's last admission is today and no exit scan came after it
        long inside = 0;
        for (Object[] row : rows(em.createNativeQuery("SELECT b.category_code, COUNT(*) FROM checkin_admission a"
                + " JOIN badge b ON b.id = a.badge_id WHERE a.exhibition_id = ?1 AND a.last_admitted_at >= ?2"
                + " AND a.last_admitted_at < ?3 AND (a.last_exited_at IS NULL OR a.last_exited_at < a.last_admitted_at)"
                + " GROUP BY b.category_code")
                .setParameter(1, exhibitionId).setParameter(2, from).setParameter(3, until).getResultList())) {
            long count = ((Number) row[1]).longValue();
            byCategory.computeIfAbsent(row[0] == null ? "" : (String) row[0], c -> new long[2])[1] = count;
            inside += count;
        }
        List<Count> categories = byCategory.entrySet().stream()
                .map(e -> new Count(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();

        List<Count> gates = new ArrayList<>();
        for (Object[] row : rows(em.createNativeQuery("SELECT gate_name, COUNT(DISTINCT badge_id) FROM checkin_scan"
                + " WHERE exhibition_id = ?1 AND scanned_at >= ?2 AND scanned_at < ?3 AND result = 'ADMITTED'"
                + " GROUP BY gate_name ORDER BY gate_name")
                .setParameter(1, exhibitionId).setParameter(2, from).setParameter(3, until).getResultList())) {
            gates.add(new Count((String) row[0], ((Number) row[1]).longValue(), 0));
        }

        long[] today = perHour(em, exhibitionId, from, until);
        int showDay = day.isBefore(exhibition.opensOn) || day.isAfter(exhibition.closesOn) ? 0
                : (int) (day.toEpochDay() - exhibition.opensOn.toEpochDay()) + 1;
        Optional<Exhibition> previous = showDay == 0 ? Optional.empty() : exhibitions.previousEdition(exhibitionId);
        LocalDate previousDay = null;
        long[] before = null;
        Long previousByNow = null;
        if (previous.isPresent()) {
            previousDay = previous.get().opensOn.plusDays(showDay - 1L);
            if (!previousDay.isAfter(previous.get().closesOn)) {
                ZoneId previousZone = ZoneId.of(previous.get().timezone);
                Instant previousFrom = previousDay.atStartOfDay(previousZone).toInstant();
                before = perHour(em, previous.get().id, previousFrom,
                        previousDay.plusDays(1).atStartOfDay(previousZone).toInstant());
                // the same time of day, to the second: "by now" at the previous edition
                previousByNow = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM checkin_scan"
                        + " WHERE exhibition_id = ?1 AND scanned_at >= ?2 AND scanned_at < ?3 AND result = 'ADMITTED'")
                        .setParameter(1, previous.get().id).setParameter(2, previousFrom)
                        .setParameter(3, previousFrom.plus(Duration.between(from, now))).getSingleResult())
                        .longValue();
            } else {
                previousDay = null;
            }
        }
        // from the first hour anyone came (today or then) to the last, quiet hours between included; an hour is
        // counted from local midnight and labelled by the clock, so a day with a clock change has 23 or 25
        int first = Integer.MAX_VALUE;
        int last = -1;
        for (int h = 0; h < today.length; h++) {
            if (today[h] > 0 || previousAt(before, h) > 0) {
                first = Math.min(first, h);
                last = h;
            }
        }
        List<Hour> hours = new ArrayList<>();
        for (int h = first; h <= last; h++) {
            hours.add(new Hour(start.plusHours(h).toLocalTime(), today[h], before == null ? null : previousAt(before, h)));
        }
        return new Live(exhibition, day, showDay, now, people, inside, admissions, repeats, rejected, categories, gates,
                hours, before == null ? null : previous.get(), previousDay, previousByNow);
    }

    private static long previousAt(long[] before, int hour) {
        return before == null || hour >= before.length ? 0 : before[hour];
    }

    /** Admission scans per hour from {@code from} (a local midnight) to {@code until} (the next one). */
    private static long[] perHour(EntityManager em, long exhibitionId, Instant from, Instant until) {
        long[] hours = new long[(int) Duration.between(from, until).toHours()];
        for (Object[] row : rows(em.createNativeQuery("SELECT TIMESTAMPDIFF(HOUR, ?2, scanned_at), COUNT(*)"
                + " FROM checkin_scan WHERE exhibition_id = ?1 AND scanned_at >= ?2 AND scanned_at < ?3"
                + " AND result = 'ADMITTED' GROUP BY 1")
                .setParameter(1, exhibitionId).setParameter(2, from).setParameter(3, until).getResultList())) {
            int hour = ((Number) row[0]).intValue();
            if (hour >= 0 && hour < hours.length) {
                hours[hour] += ((Number) row[1]).longValue();
            }
        }
        return hours;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> result) {
        return (List<Object[]>) result;
    }
}
