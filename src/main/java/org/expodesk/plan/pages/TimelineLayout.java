package org.expodesk.plan.pages;

import org.expodesk.plan.Baselines;
import org.expodesk.plan.PlanBoard;
import org.expodesk.plan.TaskDependency;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where everything of the timeline goes, in SVG user units: one row per task under its stage's
 * heading, a bar from early start to early finish, a thin baseline bar under it, the time chain
 * as elbow arrows, and today's line. Computed here so the template only draws.
 */
public final class TimelineLayout {

    static final int LABEL_WIDTH = 300;
    static final int ROW = 24;
    static final int HEADER = 36;
    static final int DAY = 4;
    static final int MARGIN_DAYS = 7;

    /** A stage heading across the chart. */
    public record Heading(String label, int y) {
    }

    /** A task's row: its label and its bars. Classes say critical, at risk, done, in conflict. */
    public record Bar(long taskId, String title, int y, int x, int width, String css, Integer baselineX,
                      Integer baselineWidth, Integer slipDays) {

        public int textY() {
            return y + 16;
        }

        public int barY() {
            return y + 5;
        }

        public int baselineY() {
            return y + 18;
        }
    }

    /** The first day of a month along the top, with its line. */
    public record Tick(String label, int x) {
    }

    public record Layout(int width, int height, int chartTop, List<Heading> headings, List<Bar> bars,
                         List<String> links, List<Tick> ticks, Integer todayX) {
    }

    private TimelineLayout() {
    }

    /** {@code labels} gives each lane its display label, in board order. */
    public static Layout of(PlanBoard.Board board, List<String> labels, List<TaskDependency> dependencies,
                            Map<Long, Baselines.Slip> slips, Map<Long, LocalDate> baselineStarts) {
        LocalDate first = null;
        LocalDate last = null;
        for (PlanBoard.Lane lane : board.lanes()) {
            for (PlanBoard.Row row : lane.rows()) {
                first = min(first, row.schedule().earlyStart());
                last = max(last, row.schedule().earlyFinish());
                LocalDate baseStart = baselineStarts.get(row.task().id);
                if (baseStart != null) {
                    first = min(first, baseStart);
                    last = max(last, slips.get(row.task().id).baselineFinish());
                }
            }
        }
        if (first == null) {
            first = board.today();
            last = board.today();
        }
        LocalDate origin = first.minusDays(MARGIN_DAYS);
        int days = (int) ChronoUnit.DAYS.between(origin, last.plusDays(MARGIN_DAYS)) + 1;
        int width = LABEL_WIDTH + days * DAY;

        List<Heading> headings = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        Map<Long, Bar> byTask = new HashMap<>();
        int y = HEADER;
        for (int l = 0; l < board.lanes().size(); l++) {
            PlanBoard.Lane lane = board.lanes().get(l);
            if (lane.rows().isEmpty()) {
                continue;
            }
            headings.add(new Heading(labels.get(l), y));
            y += ROW;
            for (PlanBoard.Row row : lane.rows()) {
                var s = row.schedule();
                int x = LABEL_WIDTH + dayOffset(origin, s.earlyStart());
                int w = Math.max(3, (int) (ChronoUnit.DAYS.between(s.earlyStart(), s.earlyFinish()) + 1) * DAY);
                String css = row.task().state.isSettled() ? "bar done" : s.atRisk() ? "bar risk"
                        : s.critical() ? "bar critical" : "bar";
                if (s.conflict()) {
                    css += " conflict";
                }
                Integer bx = null;
                Integer bw = null;
                Baselines.Slip slip = slips.get(row.task().id);
                LocalDate baseStart = baselineStarts.get(row.task().id);
                if (slip != null && baseStart != null) {
                    bx = LABEL_WIDTH + dayOffset(origin, baseStart);
                    bw = Math.max(3, (int) (ChronoUnit.DAYS.between(baseStart, slip.baselineFinish()) + 1) * DAY);
                }
                Bar bar = new Bar(row.task().id, row.task().title, y, x, w, css, bx, bw,
                        slip == null ? null : slip.slipDays());
                bars.add(bar);
                byTask.put(row.task().id, bar);
                y += ROW;
            }
        }
        List<String> links = new ArrayList<>();
        for (TaskDependency d : dependencies) {
            Bar from = byTask.get(d.predecessorId);
            Bar to = byTask.get(d.successorId);
            if (from == null || to == null) {
                continue;
            }
            int x1 = d.kind == org.expodesk.plan.DependencyKind.SS ? from.x() : from.x() + from.width();
            int y1 = from.y() + ROW / 2;
            int x2 = to.x();
            int y2 = to.y() + ROW / 2;
            int elbow = Math.max(x1 + 4, Math.min(x2 - 4, x1 + 8));
            links.add("M" + x1 + " " + y1 + " H" + elbow + " V" + y2 + " H" + (x2 - 1));
        }
        List<Tick> ticks = new ArrayList<>();
        for (LocalDate month = origin.withDayOfMonth(1).plusMonths(1); !month.isAfter(last.plusDays(MARGIN_DAYS));
             month = month.plusMonths(1)) {
            ticks.add(new Tick(month.toString().substring(0, 7), LABEL_WIDTH + dayOffset(origin, month)));
        }
        Integer todayX = board.today().isBefore(origin) || board.today().isAfter(last.plusDays(MARGIN_DAYS)) ? null
                : LABEL_WIDTH + dayOffset(origin, board.today());
        return new Layout(width, y + ROW, HEADER, headings, bars, links, ticks, todayX);
    }

    private static int dayOffset(LocalDate origin, LocalDate day) {
        return (int) ChronoUnit.DAYS.between(origin, day) * DAY;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
