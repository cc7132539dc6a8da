package org.expodesk.mail;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class MailTemplatesTest {

    @Inject
    MailTemplates templates;

    @Test
    void aTemplateThatRendersWithItsSampleDataHasNoProblems() {
        MailTemplate template = new MailTemplate("Thank you, {person.name}",
                "{#if leads > 0}You collected {leads} leads.{#else}No leads yet.{/if}", "<p>{person.name}</p>");
        assertThat(templates.problems(template, Map.of("person", Map.of("name", "Li Lei"), "leads", 3))).isEmpty();
    }

    @Test
    void aBrokenTagOrAnUnknownNameIsRefusedPartByPart() {
        MailTemplate broken = new MailTemplate("Hello {person.name}", "{#if leads > 0}unclosed", "<p>{persn.name}</p>");
        assertThat(templates.problems(broken, Map.of("person", Map.of("name", "Li Lei"), "leads", 3)))
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("text:"))
                .anySatisfy(p -> assertThat(p).startsWith("html:").contains("persn"));
    }

    @Test
    void htmlIsEscapedAndTheSubjectKeptOnOneLine() {
        MailContent content = templates.render(new MailTemplate("Hi {name}\nthere", "{name}", "<b>{name}</b>"),
                Map.of("name", "<script>"));
        assertThat(content.subject()).isEqualTo("Hi <script> there");
        assertThat(content.text()).isEqualTo("<script>");
        assertThat(content.html()).isEqualTo("<b>&lt;script&gt;</b>");
    }

    @Test
    void theUnsubscribeFooterIsInTheRecipientsLanguage() {
        assertThat(templates.unsubscribeFooter("zh", "https://x/u/1").text()).contains("不想再收到").contains("https://x/u/1");
        assertThat(templates.unsubscribeFooter(MailTemplates.language(Locale.ENGLISH), "https://x/u/1").html())
                .contains("href=\"https://x/u/1\"");
    }
}
