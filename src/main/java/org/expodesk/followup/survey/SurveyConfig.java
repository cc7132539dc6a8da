package org.expodesk.followup.survey;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long a survey link stays valid (docs/survey.md). */
@ConfigMapping(prefix = "expodesk.survey")
public interface SurveyConfig {

    @WithDefault("30D")
    Duration linkLifetime();
}
