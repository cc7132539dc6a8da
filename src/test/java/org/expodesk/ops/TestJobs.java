package org.expodesk.ops;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Jobs that exist only in the test run, scheduled for a year that never comes, so that they run
 * only when a test asks for it ("run now"); other tests listing jobs see them, harmlessly.
 */
@ApplicationScoped
public class TestJobs {

    public static final String SUCCEEDS = "ops-test-succeeds";
    public static final String FAILS = "ops-test-fails";
    public static final String PAUSABLE = "ops-test-pausable";
    public static final String ON_PAGE = "ops-test-on-page";
    public static final String FAILURE = "The planned failure of the test job (password=hunter2)";

    @Scheduled(identity = SUCCEEDS, cron = "0 0 0 1 1 ? 2099")
    void succeeds() {
        // nothing to do: the run is the point
    }

    @Scheduled(identity = FAILS, cron = "0 0 0 1 1 ? 2099")
    void fails() {
        throw new IllegalStateException(FAILURE);
    }

    @Scheduled(identity = PAUSABLE, cron = "0 0 0 1 1 ? 2099")
    void pausable() {
        // only its schedule matters
    }

    @Scheduled(identity = ON_PAGE, cron = "0 0 0 1 1 ? 2099")
    void onPage() {
        // only its schedule matters
    }
}
