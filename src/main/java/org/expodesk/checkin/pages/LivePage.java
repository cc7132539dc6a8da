package org.expodesk.checkin.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.expodesk.badge.Badge;
import org.expodesk.checkin.CheckinConflicts;
import org.expodesk.checkin.LiveCounts;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.platform.Roles;
import org.expodesk.web.i18n.Messages;
import org.expodesk.web.i18n.RequestLocale;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The live view of a show day for staff (docs/checkin.md): the figures refresh themselves every
 * {@value #REFRESH_SECONDS} seconds (htmx polls the fragment), and the offline conflicts staff
 * should look at are one click away.
 */
@Path("/exhibitions/{id}/live")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.TEXT_HTML)
public class LivePage {

    static final int REFRESH_SECONDS = 15;
    private static final int CHART_HEIGHT = 120;
    private static final int SLOT = 36;

    /** One hour's pair of bars in the chart; heights scaled to the busiest hour of either day. */
    public record Bar(String label, int x, long today, int todayHeight, Long previous, int previousHeight) {

        public int todayY() {
            return CHART_HEIGHT - todayHeight;
        }

        public int previousY() {
            return CHART_HEIGHT - previousHeight;
        }

        public int previousX() {
            return x + 14;
        }

        public int labelY() {
            return CHART_HEIGHT + 14;
        }
    }

    /** A conflict as staff read it: the holder's name, not only the badge number. */
    public record ConflictRow(CheckinConflicts.ConflictView conflict, String holder, String scannedAt,
                              String earlierAt, String offlineResult, String result, String reason) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance live(LiveCounts.Live live, List<Bar> bars, int chartWidth, String at,
                                            long conflicts, int refresh);

        static native TemplateInstance live$figures(LiveCounts.Live live, List<Bar> bars, int chartWidth, String at,
                                                    long conflicts, int refresh);

        static native TemplateInstance conflicts(Exhibition exhibition, List<ConflictRow> rows);
    }

    @Inject
    LiveCounts counts;

    @Inject
    CheckinConflicts conflicts;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    RequestLocale locale;

    @GET
    public TemplateInstance show(@PathParam("id") long id) {
        LiveCounts.Live live = counts.of(id);
        return Templates.live(live, bars(live), chartWidth(live), at(live), conflicts.count(id), REFRESH_SECONDS);
    }

    @GET
    @Path("/figures")
    public TemplateInstance figures(@PathParam("id") long id) {
        LiveCounts.Live live = counts.of(id);
        return Templates.live$figures(live, bars(live), chartWidth(live), at(live), conflicts.count(id),
                REFRESH_SECONDS);
    }

    @GET
    @Path("/conflicts")
    public TemplateInstance conflicts(@PathParam("id") long id) {
        Exhibition exhibition = exhibitions.get(id);
        Locale language = locale.get();
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .withZone(ZoneId.of(exhibition.timezone));
        List<ConflictRow> rows = new ArrayList<>();
        for (CheckinConflicts.ConflictView c : conflicts.of(id)) {
            Badge badge = c.badgeId() == null ? null : Badge.findById(c.badgeId());
            rows.add(new ConflictRow(c, badge == null ? "" : badge.holderName, time.format(c.scannedAt()),
                    c.earlierAt() == null ? "" : time.format(c.earlierAt()),
                    Messages.text(language, "live_result_" + c.offlineResult().name()),
                    Messages.text(language, "live_result_" + c.result().name()),
                    c.reason() == null ? "" : Messages.text(language, "checkin_reason_" + c.reason().name())));
        }
        return Templates.conflicts(exhibition, rows);
    }

    private static List<Bar> bars(LiveCounts.Live live) {
        long busiest = 1;
        for (LiveCounts.Hour h : live.hours()) {
            busiest = Math.max(busiest, Math.max(h.admitted(), h.previous() == null ? 0 : h.previous()));
        }
        List<Bar> bars = new ArrayList<>();
        int x = 4;
        for (LiveCounts.Hour h : live.hours()) {
            bars.add(new Bar(h.from().toString(), x, h.admitted(), scale(h.admitted(), busiest), h.previous(),
                    h.previous() == null ? 0 : scale(h.previous(), busiest)));
            x += SLOT;
        }
        return bars;
    }

    private static int scale(long value, long busiest) {
        return value == 0 ? 0 : (int) Math.max(1, value * CHART_HEIGHT / busiest);
    }

    private static int chartWidth(LiveCounts.Live live) {
        return Math.max(SLOT, live.hours().size() * SLOT + 8);
    }

    private static String at(LiveCounts.Live live) {
        return DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of(live.exhibition().timezone)).format(live.at());
    }
}
