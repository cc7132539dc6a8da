package org.expodesk.web.i18n;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

import java.util.Locale;

/**
 * Templates write {@code {m:some_key}} for a text, and {@code {m:fmt('some_key', value)}} for
 * one with arguments; the language is the template instance's {@code locale} attribute, which
 * {@link LocaleInitializer} sets for every page.
 */
@TemplateExtension(namespace = "m")
public final class MessageExtensions {

    private MessageExtensions() {
    }

    @TemplateExtension(namespace = "m", priority = 10)
    static String fmt(String key, @TemplateExtension.TemplateAttribute("locale") Object locale, Object... args) {
        return Messages.text(asLocale(locale), key, args);
    }

    @TemplateExtension(namespace = "m", matchName = TemplateExtension.ANY, priority = 5)
    static String message(String key, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return Messages.text(asLocale(locale), key);
    }

    public static Locale locale(Object locale) {
        return asLocale(locale);
    }

    static Locale asLocale(Object locale) {
        if (locale instanceof Locale l) {
            return l;
        }
        if (locale != null) {
            return Messages.forTag(locale.toString());
        }
        if (Arc.container().requestContext().isActive()) {
            return Arc.container().instance(RequestLocale.class).get().get();
        }
        return Messages.ENGLISH;
    }
}
