package org.expodesk.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.expodesk.account.Role;
import org.expodesk.account.UserAccount;
import org.expodesk.account.UserService;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.party.Contacts;
import org.expodesk.party.Organizations;
import org.expodesk.party.PartyRef;
import org.expodesk.party.People;
import org.expodesk.party.Tickets;
import org.expodesk.plan.Baselines;
import org.expodesk.plan.PlanService;
import org.expodesk.plan.PlanService.Link;
import org.expodesk.plan.PlanService.NewCriterion;
import org.expodesk.plan.TaskControl;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * Something to look at on a fresh embedded database in dev mode ({@code expodesk.demo-data}):
 * an exhibition about four months away with a plan in full swing, dated from today so that it
 * never goes stale. Runs only when there is no exhibition yet, after the first admin exists.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    @ConfigProperty(name = "expodesk.demo-data", defaultValue = "false")
    boolean enabled;

    @Inject
    Clock clock;

    @Inject
    UserService users;

    @Inject
    ExhibitionService exhibitions;

    @Inject
    PlanService plan;

    @Inject
    TaskControl control;

    @Inject
    Baselines baselines;

    @Inject
    Organizations organizations;

    @Inject
    People people;

    @Inject
    Contacts contacts;

    @Inject
    Tickets tickets;

    @Transactional
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 500) StartupEvent start) {
        if (!enabled || Exhibition.count() > 0) {
            return;
        }
        UserAccount admin = UserAccount.findByUsername("admin").orElse(null);
        if (admin == null) {
            return;
        }
        UserAccount li = staff("li.na", "李娜");
        UserAccount chen = staff("chen.wei", "Chen Wei");
        UserAccount maria = staff("maria.santos", "Maria Santos");

        LocalDate opens = LocalDate.now(clock).plusDays(120).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        Exhibition expo = exhibitions.create(new ExhibitionService.NewExhibition("CFF" + opens.getYear(),
                "Canton Furniture Fair " + opens.getYear(), "Pazhou Complex, Hall A", "Guangzhou", "Asia/Shanghai",
                opens, opens.plusDays(3), opens.minusDays(3), opens.plusDays(5), "CFF"));
        long id = expo.id;
        LocalDate today = LocalDate.now(clock);

        long budget = task(id, "INITIATION", "Budget and revenue targets", 10, today.minusDays(60), li, chen,
                List.of("Budget approved by the board"), List.of());
        long venue = task(id, "PREPARATION", "Venue contract", 15, today.minusDays(30), chen, li,
                List.of("Contract signed", "Deposit paid"), List.of(budget));
        long floor = task(id, "PREPARATION", "Floor plan and booth grid", 10, null, maria, chen,
                List.of("≥ 600 standard booths laid out"), List.of(venue));
        long sales = task(id, "PREPARATION", "Sell 300 exhibitor booths", 40, null, li, maria,
                List.of("≥ 300 exhibitors contracted", "Deposits received"), List.of(floor));
        long manual = task(id, "PRE_SHOW", "Exhibitor manual", 5, null, maria, li,
                List.of("Published in English and Chinese"), List.of(floor));
        long buyers = task(id, "PRE_SHOW", "Invite 5,000 trade buyers", 30, null, chen, li,
                List.of("≥ 5,000 invitations sent", "≥ 1,200 buyers registered"), List.of(sales));
        long badges = task(id, "PRE_SHOW", "Badge printing and gates", 5, null, maria, chen,
                List.of("Scanners tested at every gate"), List.of(buyers));
        task(id, "SHOW_DAYS", "Opening ceremony", 0, opens, li, chen, List.of(), List.of(badges));
        task(id, "CLOSING", "Thank-you mail and survey", 3, null, chen, maria, List.of("Survey sent"), List.of());
        task(id, "RECESS", "Rebooking campaign for next edition", 20, null, li, maria,
                List.of("≥ 60 % of exhibitors rebooked"), List.of());

        TaskControl.Mover boss = new TaskControl.Mover(admin.id, admin.username, true);
        move(budget, "assign", boss);
        move(budget, "start", boss);
        move(budget, "submit", boss);
        move(venue, "assign", boss);
        move(venue, "start", boss);
        baselines.save(id, "Kick-off plan");
        // the venue contract is late: its successors are pushed, some into risk
        control.move(venue, new TaskControl.Move("progress", "Waiting for the venue's legal team", null, null, 70,
                today.plusDays(40)), boss);
        customers(id, chen.id);
        LOG.infof("Demo data: exhibition %s with a plan of 10 tasks and a few customers (users li.na, chen.wei, maria.santos have no"
                + " password; give them one from the Users page)", expo.code);
    }

    /** A few companies and people, with a contact and a ticket, so the customer pages show something. */
    private void customers(long exhibitionId, long staffId) {
        var huaqiang = organizations.create(new Organizations.NewOrganization("深圳市华强家具有限公司",
                "Shenzhen Huaqiang Furniture Co., Ltd.", "华强家具", "91440300MA5DEMO001", "CN", "广东", "深圳", null,
                "https://www.huaqiang-furniture.example.cn", "sales@huaqiang-furniture.example.cn", "+86 755 8888 0001",
                "Furniture", "200-500", "Office and hotel furniture", "returning exhibitor", null, "chen.wei"));
        var nordic = organizations.create(new Organizations.NewOrganization("Nordic Living AB", null, null, null, "SE",
                null, "Stockholm", null, "https://nordicliving.example.se", null, null, "Retail", "50-200", null,
                "buyer", null, null));
        people.create(new People.NewPerson("王", "小明", null, "销售总监", "wang.xiaoming@huaqiang-furniture.example.cn",
                "+86 138 0013 8000", huaqiang.id, "zh-CN", null));
        people.create(new People.NewPerson("Lindqvist", "Anna", null, "Head of purchasing", "anna@nordicliving.example.se",
                null, nordic.id, "en", null));
        contacts.participate(exhibitionId, new PartyRef(PartyRef.Kind.ORGANIZATION, huaqiang.id), "EXHIBITOR");
        contacts.participate(exhibitionId, new PartyRef(PartyRef.Kind.ORGANIZATION, nordic.id), "BUYER");
        contacts.record(new PartyRef(PartyRef.Kind.ORGANIZATION, huaqiang.id), "CALL", null,
                "Wants a corner booth in hall A again", "Sent the floor plan", LocalDate.now(clock).plusDays(7), staffId);
        tickets.raise(new PartyRef(PartyRef.Kind.ORGANIZATION, nordic.id), exhibitionId, "REQUEST", "NORMAL",
                "Hotel near the venue for 4 buyers", null, "chen.wei");
    }

    private UserAccount staff(String username, String name) {
        return users.create(new UserService.NewUser(username, name, username + "@example.org", Role.STAFF, null)).user();
    }

    private long task(long exhibition, String stage, String title, int days, LocalDate start, UserAccount owner,
                      UserAccount checker, List<String> criteria, List<Long> after) {
        return plan.create(exhibition, new PlanService.NewTask(stage, title, null,
                criteria.stream().map(c -> new NewCriterion(c, null)).toList(), owner.username, checker.username, start,
                days, null, null, false, after.stream().map(a -> new Link(String.valueOf(a), 0, null)).toList())).id;
    }

    private void move(long task, String action, TaskControl.Mover mover) {
        control.move(task, new TaskControl.Move(action, null, null, null, null, null), mover);
    }

}
