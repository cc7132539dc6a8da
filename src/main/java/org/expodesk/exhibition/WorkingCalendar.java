package org.expodesk.exhibition;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The working days of one exhibition: Monday to Friday, less declared holidays, plus every
 * on-site day (build-up, show, tear-down) whatever weekday it falls on. Working days are numbered
 * from 0 so that scheduling can count in plain integers; past the ends of the horizon the
 * numbering continues over Monday to Friday.
 */
public final class WorkingCalendar {

    /** How far around the show the table reaches; beyond it, only weekends are days off. */
    static final int HORIZON_DAYS = 4 * 366;

    private final LocalDate origin;
    private final boolean[] working;
    /** For each day of the horizon, how many working days come before it. */
    private final int[] workingBefore;
    private final List<LocalDate> workingDays = new ArrayList<>();

    public WorkingCalendar(LocalDate opensOn, LocalDate closesOn, LocalDate onSiteFrom, LocalDate onSiteUntil,
                           Set<LocalDate> holidays) {
        this.origin = opensOn.minusDays(HORIZON_DAYS);
        int length = (int) ChronoUnit.DAYS.between(origin, closesOn.plusDays(HORIZON_DAYS)) + 1;
        working = new boolean[length];
        workingBefore = new int[length + 1];
        for (int d = 0; d < length; d++) {
            LocalDate day = origin.plusDays(d);
            boolean onSite = !day.isBefore(onSiteFrom) && !day.isAfter(onSiteUntil);
            working[d] = onSite || (!isWeekend(day) && !holidays.contains(day));
            workingBefore[d + 1] = workingBefore[d] + (working[d] ? 1 : 0);
            if (working[d]) {
                workingDays.add(day);
            }
        }
    }

    public static WorkingCalendar of(Exhibition exhibition, Set<LocalDate> holidays) {
        return new WorkingCalendar(exhibition.opensOn, exhibition.closesOn, exhibition.firstOnSiteDay(),
                exhibition.lastOnSiteDay(), holidays);
    }

    public boolean isWorkingDay(LocalDate day) {
        int d = offset(day);
        if (d < 0 || d >= working.length) {
            return !isWeekend(day);
        }
        return working[d];
    }

    /** The number of the first working day on or after {@code day}. */
    public int indexOnOrAfter(LocalDate day) {
        int d = offset(day);
        if (d < 0) {
            return -weekdaysBetween(day, origin);
        }
        if (d >= working.length) {
            return workingDays.size() + weekdaysBetween(origin.plusDays(working.length), day);
        }
        return workingBefore[d];
    }

    /** The number of the last working day on or before {@code day}. */
    public int indexOnOrBefore(LocalDate day) {
        int d = offset(day);
        if (d >= 0 && d < working.length) {
            return working[d] ? workingBefore[d] : workingBefore[d] - 1;
        }
        return isWeekend(day) ? indexOnOrAfter(day) - 1 : indexOnOrAfter(day);
    }

    /** The working day with this number. */
    public LocalDate day(int index) {
        if (index >= 0 && index < workingDays.size()) {
            return workingDays.get(index);
        }
        if (index < 0) {
            LocalDate day = origin;
            for (int i = 0; i > index; ) {
                day = day.minusDays(1);
                if (!isWeekend(day)) {
                    i--;
                }
            }
            return day;
        }
        LocalDate day = workingDays.get(workingDays.size() - 1);
        for (int i = workingDays.size() - 1; i < index; ) {
            day = day.plusDays(1);
            if (!isWeekend(day)) {
                i++;
            }
        }
        return day;
    }

    private int offset(LocalDate day) {
        long d = ChronoUnit.DAYS.between(origin, day);
        return d > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) Math.max(Integer.MIN_VALUE, d);
    }

    /** Weekdays in [from, until). */
    private static int weekdaysBetween(LocalDate from, LocalDate until) {
        int count = 0;
        for (LocalDate day = from; day.isBefore(until); day = day.plusDays(1)) {
            if (!isWeekend(day)) {
                count++;
            }
        }
        return count;
    }

    private static boolean isWeekend(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }
}
