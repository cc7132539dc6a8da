package org.expodesk.followup.kinds;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/** Absolute links into Expodesk for mails (a mail is read outside the application). */
@ApplicationScoped
public class Links {

    @ConfigProperty(name = "expodesk.public-url")
    Optional<String> publicUrl;

    public String to(String path) {
        return publicUrl.filter(u -> !u.isBlank()).map(u -> u.replaceAll("/+$", "")).orElse("http://localhost:8080")
                + path;
    }
}
