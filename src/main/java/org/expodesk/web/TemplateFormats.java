package org.expodesk.web;

import io.quarkus.qute.TemplateExtension;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How pages show values: instants in UTC, to the minute, the same everywhere. */
@TemplateExtension
public final class TemplateFormats {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private TemplateFormats() {
    }

    static String display(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }

    static String precise(Instant instant) {
        return instant == null ? "" : SECOND.format(instant);
    }

    static String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }
}
