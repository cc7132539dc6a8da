package org.expodesk.ops;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class JobsApiTest {

    @Inject
    JobRuns runs;

    @Inject
    Jobs jobs;

    @Inject
    Scheduler scheduler;

    @Test
    void theListShowsEveryJobQuartzKnowsWithItsScheduleAndNextFiring() {
        Api.asAdmin().get("/api/jobs").then().statusCode(200)
                .body("items.identity", hasItems("plan-risk-watch", "purge-ended-credentials", "party-import-resume",
                        "ops-job-run-prune", TestJobs.SUCCEEDS))
                .body("items.find { it.identity == 'plan-risk-watch' }.state", equalTo("NORMAL"))
                .body("items.find { it.identity == 'plan-risk-watch' }.nextFireTime", notNullValue())
                .body("items.find { it.identity == 'plan-risk-watch' }.triggers[0].kind", equalTo("cron"))
                .body("items.find { it.identity == 'plan-risk-watch' }.triggers[0].schedule", equalTo("0 7 * * * ?"))
                .body("items.find { it.identity == 'plan-risk-watch' }.triggers[0].misfirePolicy", equalTo("fire-now"))
                .body("items.find { it.identity == 'party-import-resume' }.triggers[0].kind", equalTo("interval"))
                .body("items.find { it.identity == 'party-import-resume' }.triggers[0].schedule", equalTo("PT30S"))
                .body("items.find { it.identity == 'ops-job-run-prune' }.triggers[0].misfirePolicy",
                        equalTo("cron-trigger-do-nothing"))
                .body("items.find { it.identity == 'ops-test-succeeds' }.nextFireTime", equalTo("2099-01-01T00:00:00Z"));
    }

    @Test
    void runNowRecordsASucceededRunOnTheNodeThatRanIt() {
        long before = newestRunId(TestJobs.SUCCEEDS);
        Api.asAdmin().post("/api/jobs/" + TestJobs.SUCCEEDS + "/run").then().statusCode(202)
                .body("identity", equalTo(TestJobs.SUCCEEDS));
        Map<String, Object> run = finishedRunAfter(TestJobs.SUCCEEDS, before);
        assertThat(run.get("outcome")).isEqualTo("SUCCEEDED");
        assertThat(run.get("manual")).isEqualTo(true);
        assertThat((String) run.get("node")).isNotBlank();
        assertThat(run.get("error")).isNull();
        assertThat(Instant.parse((String) run.get("finishedAt"))).isAfterOrEqualTo(Instant.parse((String) run.get("startedAt")));
        Api.asAdmin().get("/api/jobs").then()
                .body("items.find { it.identity == 'ops-test-succeeds' }.lastRun.outcome", equalTo("SUCCEEDED"));
        Api.asAdmin().queryParam("action", "JOB_RUN_REQUESTED").queryParam("entityId", TestJobs.SUCCEEDS)
                .get("/api/audit").then().statusCode(200).body("items.actor", hasItem("admin"));
    }

    @Test
    void aFailingRunIsRecordedWithAShortMessageWithoutSecrets() {
        long before = newestRunId(TestJobs.FAILS);
        Api.asAdmin().post("/api/jobs/" + TestJobs.FAILS + "/run").then().statusCode(202);
        Map<String, Object> run = finishedRunAfter(TestJobs.FAILS, before);
        assertThat(run.get("outcome")).isEqualTo("FAILED");
        assertThat((String) run.get("error"))
                .startsWith("IllegalStateException: The planned failure of the test job")
                .contains("password=***").doesNotContain("hunter2");
        Api.asAdmin().get("/api/jobs").then()
                .body("items.find { it.identity == 'ops-test-fails' }.lastRun.outcome", equalTo("FAILED"));
    }

    @Test
    void aPlainQuartzJobScheduledByCodeIsListedAndItsFailureRecorded() throws Exception {
        String identity = "ops-plain-" + System.nanoTime();
        JobKey key = new JobKey(identity, "ops-test");
        scheduler.addJob(JobBuilder.newJob(PlainFailingJob.class).withIdentity(key).storeDurably().build(), false);
        try {
            Api.asAdmin().get("/api/jobs").then().statusCode(200)
                    .body("items.find { it.identity == '" + identity + "' }.group", equalTo("ops-test"))
                    .body("items.find { it.identity == '" + identity + "' }.state", equalTo("NONE"));
            long before = newestRunId(identity);
            Api.asAdmin().post("/api/jobs/" + identity + "/run").then().statusCode(202);
            Map<String, Object> run = finishedRunAfter(identity, before);
            assertThat(run.get("outcome")).isEqualTo("FAILED");
            assertThat(run.get("error")).isEqualTo("IllegalArgumentException: plain failure");
        } finally {
            scheduler.deleteJob(key);
        }
    }

    /** A Quartz job as code outside Quarkus' {@code @Scheduled} would write it. */
    public static class PlainFailingJob implements Job {

        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            throw new JobExecutionException(new IllegalArgumentException("plain failure"));
        }
    }

    @Test
    void aPausedJobHasNoNextFiringUntilResumedAndBothAreAudited() {
        String path = "/api/jobs/" + TestJobs.PAUSABLE;
        Api.asAdmin().post(path + "/pause").then().statusCode(200)
                .body("state", equalTo("PAUSED"))
                .body("nextFireTime", nullValue())
                .body("triggers[0].state", equalTo("PAUSED"));
        Api.asAdmin().get(path).then().statusCode(200).body("state", equalTo("PAUSED")).body("nextFireTime", nullValue());
        Api.asAdmin().post(path + "/pause").then().statusCode(200).body("state", equalTo("PAUSED"));

        Api.asAdmin().post(path + "/resume").then().statusCode(200)
                .body("state", equalTo("NORMAL"))
                .body("nextFireTime", equalTo("2099-01-01T00:00:00Z"));
        Api.asAdmin().get("/api/jobs").then()
                .body("items.find { it.identity == 'ops-test-pausable' }.state", equalTo("NORMAL"));
        for (String action : List.of("JOB_PAUSED", "JOB_RESUMED")) {
            Api.asAdmin().queryParam("action", action).queryParam("entityId", TestJobs.PAUSABLE).get("/api/audit")
                    .then().statusCode(200).body("items.entityType", hasItem("Job")).body("items.actor", hasItem("admin"));
        }
    }

    @Test
    void aPauseOutlivesTheRestartThatReschedulesTheJob() throws Exception {
        String path = "/api/jobs/" + TestJobs.PAUSABLE;
        Api.asAdmin().post(path + "/pause").then().statusCode(200).body("state", equalTo("PAUSED"));
        // what Quarkus does to every job's trigger when a node starts
        scheduler.resumeJob(new JobKey(TestJobs.PAUSABLE, io.quarkus.scheduler.Scheduler.class.getName()));
        Api.asAdmin().get(path).then().body("state", equalTo("NORMAL"));

        jobs.onStart(null);

        Api.asAdmin().get(path).then().body("state", equalTo("PAUSED"));
        Api.asAdmin().post(path + "/resume").then().statusCode(200).body("state", equalTo("NORMAL"));
        jobs.onStart(null);
        Api.asAdmin().get(path).then().body("state", equalTo("NORMAL"));
    }

    @Test
    void unknownJobsAreNotFound() {
        Api.asAdmin().get("/api/jobs/no-such-job/runs").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("Job"));
        Api.asAdmin().post("/api/jobs/no-such-job/pause").then().statusCode(404).contentType("application/problem+json");
        Api.asAdmin().post("/api/jobs/no-such-job/resume").then().statusCode(404);
        Api.asAdmin().post("/api/jobs/no-such-job/run").then().statusCode(404);
        Api.asAdmin().queryParam("size", "0").get("/api/jobs/" + TestJobs.SUCCEEDS + "/runs").then().statusCode(400);
    }

    @Test
    void onlyAdministratorsSeeAndSteerJobs() {
        String staff = TestUsers.staff().token();
        String exhibitor = TestUsers.exhibitor(TestOrganizations.create()).token();
        for (String token : List.of(staff, exhibitor)) {
            Api.as(token).get("/api/jobs").then().statusCode(403).contentType("application/problem+json");
            Api.as(token).get("/api/jobs/" + TestJobs.SUCCEEDS).then().statusCode(403);
            Api.as(token).get("/api/jobs/" + TestJobs.SUCCEEDS + "/runs").then().statusCode(403);
            Api.as(token).post("/api/jobs/" + TestJobs.PAUSABLE + "/pause").then().statusCode(403);
            Api.as(token).post("/api/jobs/" + TestJobs.PAUSABLE + "/resume").then().statusCode(403);
            Api.as(token).post("/api/jobs/" + TestJobs.SUCCEEDS + "/run").then().statusCode(403);
        }
        given().get("/api/jobs").then().statusCode(401);
        given().get("/api/jobs/" + TestJobs.SUCCEEDS + "/runs").then().statusCode(401);
        given().post("/api/jobs/" + TestJobs.PAUSABLE + "/pause").then().statusCode(401);
        given().post("/api/jobs/" + TestJobs.SUCCEEDS + "/run").then().statusCode(401);
        Api.asAdmin().get("/api/jobs").then()
                .body("items.find { it.identity == 'ops-test-pausable' }.state", equalTo("NORMAL"));
    }

    @Test
    void theHistoryKeepsOnlyTheNewestRunsOfAJob() {
        String job = "ops-prune-" + System.nanoTime();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        runs.started(job, "node-a", null, false, now.minus(40, ChronoUnit.DAYS));
        for (int i = 5; i > 0; i--) {
            runs.started(job, "node-a", null, false, now.minusSeconds(i));
        }
        runs.prune(job, now.minus(30, ChronoUnit.DAYS), 3);
        assertThat(runs.recent(job, 10)).extracting(r -> r.startedAt)
                .containsExactly(now.minusSeconds(1), now.minusSeconds(2), now.minusSeconds(3));

        String forgotten = "ops-prune-old-" + System.nanoTime();
        runs.started(forgotten, "node-a", null, false, now.minus(31, ChronoUnit.DAYS));
        runs.prune();
        assertThat(runs.recent(forgotten, 10)).isEmpty();
        assertThat(runs.recent(job, 10)).hasSize(3);
    }

    private static long newestRunId(String job) {
        List<Map<String, Object>> items = Api.asAdmin().get("/api/jobs/" + job + "/runs?size=1")
                .then().statusCode(200).extract().path("items");
        return items.isEmpty() ? 0 : ((Number) items.get(0).get("id")).longValue();
    }

    /** Follows the job's newest run, started after the run {@code before}, until it has ended. */
    private static Map<String, Object> finishedRunAfter(String job, long before) {
        for (int i = 0; i < 600; i++) {
            List<Map<String, Object>> items = Api.asAdmin().get("/api/jobs/" + job + "/runs?size=1")
                    .then().statusCode(200).extract().path("items");
            if (!items.isEmpty() && ((Number) items.get(0).get("id")).longValue() > before
                    && !"RUNNING".equals(items.get(0).get("outcome"))) {
                return items.get(0);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("The job " + job + " did not run");
    }
}
