package org.expodesk.party;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.expodesk.testing.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class FollowUpApiTest {

    @Test
    void myFollowUpsComeOverdueFirstAndOnlyTheirOwnerMayChangeThem() {
        TestUser staff = TestUsers.staff();
        String token = staff.token();
        long org = TestOrganizations.create();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long upcoming = interaction(token, org, "Send the floor plan", today.plusDays(3));
        long overdue = interaction(token, org, "Call back about the invoice", today.minusDays(2));
        long due = interaction(token, org, "Confirm the corner booth", today);
        interaction(TestUsers.staff().token(), org, "Someone else's follow-up", today);

        Api.as(token).get("/api/me/follow-ups").then().statusCode(200).body("total", equalTo(3))
                .body("items.interaction.id", contains((int) overdue, (int) due, (int) upcoming))
                .body("items.due", contains("overdue", "today", "upcoming"))
                .body("items[0].interaction.summary", equalTo("Call back about the invoice"))
                .body("overdueTickets", empty());

        Api.as(token).body(Map.of("done", true)).post("/api/interactions/" + overdue + "/follow-up").then()
                .statusCode(200).body("followUpDone", equalTo(true));
        Api.as(token).body(Map.of("on", today.plusDays(10).toString())).post("/api/interactions/" + due + "/follow-up")
                .then().statusCode(200).body("followUpOn", equalTo(today.plusDays(10).toString()));
        Api.as(token).get("/api/me/follow-ups").then().body("items.interaction.id", contains((int) upcoming, (int) due));
        Api.as(token).body(Map.of()).post("/api/interactions/" + due + "/follow-up").then().statusCode(400);
        Api.as(token).body(Map.of("on", "tomorrow")).post("/api/interactions/" + due + "/follow-up").then()
                .statusCode(400);

        Api.as(TestUsers.staff().token()).body(Map.of("done", true)).post("/api/interactions/" + due + "/follow-up")
                .then().statusCode(404);
        Api.as(TestUsers.exhibitor(org).token()).body(Map.of("done", true))
                .post("/api/interactions/" + due + "/follow-up").then().statusCode(403);
        Api.as(TestUsers.exhibitor(org).token()).get("/api/me/follow-ups").then().statusCode(403);
        Api.as(token).get("/api/me/follow-ups").then().body("items.interaction.followUpDone", contains(false, false));
        Api.asAdmin().body(Map.of("done", true)).post("/api/interactions/" + due + "/follow-up").then().statusCode(200);
    }

    @Test
    void myTicketsPastTheirSlaAreListed() {
        TestUser staff = TestUsers.staff();
        long org = TestOrganizations.create();
        long late = ticket(org, staff, "Stand light flickers");
        ticket(org, staff, "Needs an extra chair");
        long resolved = ticket(org, staff, "Wi-Fi password");
        QuarkusTransaction.requiringNew().run(() -> Ticket.update("slaDueAt = ?1 where id in ?2",
                Instant.now().minus(1, ChronoUnit.HOURS), java.util.List.of(late, resolved)));
        Api.asAdmin().body(Map.of("status", "RESOLVED", "resolution", "Sent it")).post("/api/tickets/" + resolved + "/changes")
                .then().statusCode(200);
        Api.as(staff.token()).get("/api/me/follow-ups").then().statusCode(200)
                .body("overdueTickets.id", contains((int) late));
    }

    private static long interaction(String token, long org, String summary, LocalDate followUpOn) {
        return ((Number) Api.as(token).body(Map.of("party", "organization:" + org, "kind", "call", "summary", summary,
                "followUpOn", followUpOn.toString())).post("/api/interactions").then().statusCode(201)
                .extract().path("id")).longValue();
    }

    private static long ticket(long org, TestUser assignee, String summary) {
        long id = ((Number) Api.asAdmin().body(Map.of("party", "organization:" + org, "kind", "request",
                "summary", summary)).post("/api/tickets").then().statusCode(201).extract().path("id")).longValue();
        Api.asAdmin().body(Map.of("status", "IN_PROGRESS", "assignee", assignee.username()))
                .post("/api/tickets/" + id + "/changes").then().statusCode(200);
        return id;
    }
}
