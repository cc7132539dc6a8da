package org.expodesk.web.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every text a person reads, in English and Simplified Chinese ({@code messages/messages*.properties}).
 * Keys use letters, digits and underscores only, so templates can write {@code {m:login_title}}.
 */
public final class Messages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, CHINESE);
    private static final String BUNDLE = "messages.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, supported(locale), Messages.class.getClassLoader(), NO_FALLBACK);
    }

    public static String text(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, supported(locale)).format(args);
    }

    public static boolean has(String key) {
        return bundle(ENGLISH).containsKey(key);
    }

    public static Locale supported(Locale locale) {
        if (locale != null && "zh".equals(locale.getLanguage())) {
            return CHINESE;
        }
        return ENGLISH;
    }

    public static Locale forTag(String tag) {
        return tag == null ? ENGLISH : supported(Locale.forLanguageTag(tag));
    }
}
