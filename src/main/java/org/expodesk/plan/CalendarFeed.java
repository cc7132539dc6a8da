package org.expodesk.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.exhibition.Stage;
import org.expodesk.web.i18n.Messages;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A user's task deadlines as an iCalendar feed: one all-day event per open task they own or
 * check, on the day it is due (its due day, else the end of its stage).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CalendarFeed {

    @Inject
    PlanBoard boards;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    Clock clock;

    public String forUser(long userId, Locale locale, String baseUrl) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Expodesk//Task deadlines//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        Instant now = Instant.now(clock);
        Map<Long, Exhibition> shows = new HashMap<>();
        Map<Long, Stage> stages = new HashMap<>();
        List<Task> tasks = boards.tasksOf(userId);
        for (Task task : tasks) {
            Exhibition show = shows.computeIfAbsent(task.exhibitionId, exhibitions::get);
            Stage stage = stages.computeIfAbsent(task.stageId, exhibitions::stageById);
            LocalDate due = task.dueOn != null && task.dueOn.isBefore(stage.endsOn) ? task.dueOn : stage.endsOn;
            VEvent event = new VEvent(due, task.title + " · " + show.name);
            event.add(new Uid("task-" + task.id + "@expodesk"));
            event.add(new DtStamp(now));
            event.add(new Url(URI.create(baseUrl + "/tasks/" + task.id)));
            boolean owns = task.ownerId != null && task.ownerId == userId;
            event.add(new Description(Messages.text(locale, owns ? "task_owner" : "task_checker") + " · "
                    + Messages.text(locale, "taskState_" + task.state.name())));
            calendar.add(event);
        }
        return calendar.toString();
    }
}
