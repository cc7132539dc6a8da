package org.expodesk.checkin.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.expodesk.checkin.CheckinRules;
import org.expodesk.web.i18n.Messages;
import org.expodesk.web.i18n.RequestLocale;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The check-in page of a gate's tablet: a public shell, as the device signs in with the token it
 * keeps in its own storage; everything else happens in /js/checkin.js against the API.
 */
@Path("/checkin")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class CheckinPage {

    /** The texts the script shows, beside those the template renders. */
    static final List<String> SCRIPT_KEYS = List.of("checkin_alreadyAt", "checkin_page_offline",
            "checkin_page_online", "checkin_page_queued", "checkin_page_activationFailed",
            "checkin_page_noBundle", "checkin_page_cameraFailed", "checkin_page_chooseGate", "checkin_page_peers",
            "checkin_page_closeOtherTabs");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance checkin(String lang, String messages, long onlineTimeoutMs);
    }

    @Inject
    RequestLocale locale;

    @Inject
    ObjectMapper json;

    /** How long a scan waits for the server before the tablet decides it alone (offline). */
    @ConfigProperty(name = "expodesk.checkin.online-timeout", defaultValue = "2S")
    Duration onlineTimeout;

    @GET
    public TemplateInstance page() throws JsonProcessingException {
        Locale l = locale.get();
        Map<String, String> texts = new LinkedHashMap<>();
        for (CheckinRules.Result result : CheckinRules.Result.values()) {
            texts.put("checkin_result_" + result.name(), Messages.text(l, "checkin_result_" + result.name()));
        }
        for (CheckinRules.Reason reason : CheckinRules.Reason.values()) {
            texts.put("checkin_reason_" + reason.name(), Messages.text(l, "checkin_reason_" + reason.name()));
        }
        for (String key : SCRIPT_KEYS) {
            texts.put(key, Messages.text(l, key));
        }
        return Templates.checkin(l.getLanguage().equals("zh") ? "zh-CN" : "en", json.writeValueAsString(texts),
                onlineTimeout.toMillis());
    }
}
