package org.expodesk.mail;

import io.quarkus.qute.Engine;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.Results;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders mail templates with Qute. Sources are parsed once and kept (a rule sending to thousands
 * parses its template once). {@link #problems} is how a template is refused when it is saved: it
 * parses every part and renders it with the sample data of its use, so a mistake shows up then,
 * not when the mail is due.
 */
@ApplicationScoped
public class MailTemplates {

    private static final int MAX_CACHED = 500;
    private static final Variant HTML = Variant.forContentType(Variant.TEXT_HTML);
    private static final Variant TEXT = Variant.forContentType(Variant.TEXT_PLAIN);

    /**
     * A Qute engine of its own, strict: a name a template uses that its data lacks is an error (the
     * application's engine renders it as nothing), which is what lets {@link #problems} refuse it.
     */
    private final Engine engine = Engine.builder()
            .addDefaults()
            .addValueResolver(new FoundOnlyReflection())
            .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
            .removeStandaloneLines(true)
            .strictRendering(true)
            .build();

    private final Map<ParseKey, Template> parsed = new ConcurrentHashMap<>();

    /**
     * The shipped sources read so far, by path: they do not change while the application runs, and a confirmation
     * mail read three of them from the class path for every registration.
     */
    private final Map<String, Optional<String>> shipped = new ConcurrentHashMap<>();

    /** A parsed template's key: a source already seen is the same string, so its hash is computed once. */
    private record ParseKey(String contentType, String source) {
    }

    /**
     * Reflection over the data's records and beans, but not over Qute's "not found" marker: plain
     * reflection answers {@code {persn.name}} with the marker's own name instead of an error.
     */
    private static final class FoundOnlyReflection extends ReflectionValueResolver {
        @Override
        public boolean appliesTo(EvalContext context) {
            return !(context.getBase() instanceof Results.NotFound) && super.appliesTo(context);
        }
    }

    public MailContent render(MailTemplate template, Map<String, Object> data) {
        return new MailContent(
                oneLine(parse(template.subject(), TEXT).data(dataOf(data)).render()),
                parse(template.text(), TEXT).data(dataOf(data)).render(),
                template.html() == null ? null : parse(template.html(), HTML).data(dataOf(data)).render());
    }

    /** What is wrong with a template, one message per part that fails; empty when it renders. */
    public List<String> problems(MailTemplate template, Map<String, Object> sampleData) {
        List<String> problems = new ArrayList<>();
        check("subject", template.subject(), TEXT, sampleData, problems);
        check("text", template.text(), TEXT, sampleData, problems);
        if (template.html() != null) {
            check("html", template.html(), HTML, sampleData, problems);
        }
        return problems;
    }

    /**
     * The sources of a mail that ships with Expodesk, from
     * {@code templates/mail/<name>/subject_<lang>.txt}, {@code text_<lang>.txt} and (optional)
     * {@code html_<lang>.html}; rules start from these and staff may change them.
     */
    public MailTemplate builtIn(String name, Locale language) {
        String lang = language(language);
        return new MailTemplate(
                source(name, "subject_" + lang + ".txt").orElseThrow(() -> missing(name, "subject")),
                source(name, "text_" + lang + ".txt").orElseThrow(() -> missing(name, "text")),
                source(name, "html_" + lang + ".html").orElse(null));
    }

    /** The unsubscribe lines every marketing mail ends with; the subject stays the mail's own. */
    public MailContent unsubscribeFooter(String language, String unsubscribeUrl) {
        Map<String, Object> data = Map.of("unsubscribeUrl", unsubscribeUrl);
        return new MailContent(null,
                parse(source("unsubscribe-footer", "text_" + language + ".txt").orElseThrow(), TEXT).data(data).render(),
                parse(source("unsubscribe-footer", "html_" + language + ".html").orElseThrow(), HTML).data(data).render());
    }

    /** The languages mails are written in: Chinese for any Chinese, else English. */
    public static String language(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? "zh" : "en";
    }

    private Optional<String> source(String name, String part) {
        return shipped.computeIfAbsent("templates/mail/" + name + "/" + part, MailTemplates::read);
    }

    private static Optional<String> read(String path) {
        try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IllegalStateException missing(String name, String part) {
        return new IllegalStateException("no mail template " + name + "/" + part);
    }

    private void check(String part, String source, Variant variant, Map<String, Object> data, List<String> problems) {
        try {
            engine.parse(source, variant).data(dataOf(data)).render();
        } catch (TemplateException | IllegalArgumentException e) {
            problems.add(part + ": " + firstLine(e.getMessage()));
        }
    }

    private Template parse(String source, Variant variant) {
        ParseKey key = new ParseKey(variant.getContentType(), source);
        Template template = parsed.get(key);
        if (template == null) {
            template = engine.parse(source, variant);
            if (parsed.size() >= MAX_CACHED) {
                parsed.clear();
            }
            parsed.put(key, template);
        }
        return template;
    }

    private static Map<String, Object> dataOf(Map<String, Object> data) {
        return data == null ? Map.of() : data;
    }

    private static String oneLine(String subject) {
        return subject.replaceAll("[\\r\\n]+", " ").strip();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid template";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
