package org.expodesk.web.i18n;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Gives every template instance the language of the request it is rendered for. */
@ApplicationScoped
public class LocaleInitializer implements TemplateInstance.Initializer {

    @Inject
    RequestLocale requestLocale;

    @Override
    public void accept(TemplateInstance instance) {
        if (Arc.container().requestContext().isActive() && instance.getAttribute("locale") == null) {
            instance.setAttribute("locale", requestLocale.get());
        }
    }
}
