package org.expodesk.platform;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.expodesk.platform.db.EmbeddedMariaDb;

import java.nio.file.Path;

/**
 * Starts the embedded MariaDB before Quarkus reads its datasource URL, unless an external
 * server is configured with {@code EXPODESK_DB_URL}. Serves {@code java -jar} and dev mode alike.
 */
@QuarkusMain
public class ExpodeskMain {

    public static void main(String... args) {
        if (externalDatabaseUrl() == null) {
            String dataDir = setting("EXPODESK_DATA_DIR", "expodesk.data-dir", "data");
            EmbeddedMariaDb.startOnce(Path.of(dataDir, "mariadb"), false);
        }
        Quarkus.run(args);
    }

    static String externalDatabaseUrl() {
        return setting("EXPODESK_DB_URL", "expodesk.db.url", null);
    }

    private static String setting(String env, String property, String fallback) {
        String value = System.getProperty(property, System.getenv(env));
        return value == null || value.isBlank() ? fallback : value;
    }
}
