package org.expodesk.testing;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Registers the suite's shared resources for every {@code @QuarkusTest}: one set for all test
 * classes, so Quarkus boots once per run.
 */
@QuarkusTestResource(EmbeddedDatabaseResource.class)
@QuarkusTestResource(MailServerResource.class)
public final class TestResources {

    private TestResources() {
    }
}
