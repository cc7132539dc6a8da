package org.expodesk.followup.survey;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long a survey link stays valid, and how many unknown links one client may try (docs/survey.md). */
@ConfigMapping(prefix = "expodesk.survey")
public interface SurveyConfig {

    @WithDefault("30D")
    Duration linkLifetime();

    /** Unknown links one client address may open within {@link #unknownLinkWindow()} before it waits (429). */
    @WithDefault("20")
    int maxUnknownLinks();

    @WithDefault("15M")
    Duration unknownLinkWindow();
}
