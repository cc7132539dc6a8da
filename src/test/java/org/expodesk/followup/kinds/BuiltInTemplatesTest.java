package org.expodesk.followup.kinds;

import org.expodesk.followup.RuleKind;
import org.expodesk.mail.MailContent;
import org.expodesk.mail.MailTemplate;
import org.expodesk.mail.MailTemplates;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind's built-in templates render with its sample data in both languages, HTML included. */
class BuiltInTemplatesTest {

    private final MailTemplates templates = new MailTemplates();

    @Test
    void everyKindsTemplatesRenderInEnglishAndChinese() {
        Links links = new Links();
        links.publicUrl = Optional.of("https://expo.example/");
        RebookingOwnerReminder owners = new RebookingOwnerReminder();
        owners.links = links;
        FollowUpsDue followUps = new FollowUpsDue();
        followUps.links = links;
        TaskDeadlines tasks = new TaskDeadlines();
        tasks.links = links;
        List<RuleKind> kinds = List.of(new ExhibitorThanks(), new RebookingOffer(), owners, followUps, tasks);

        for (RuleKind kind : kinds) {
            for (Locale language : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
                MailTemplate template = templates.builtIn(kind.templateName(), language);
                assertThat(template.html()).as(kind.key()).isNotNull();
                assertThat(templates.problems(template, kind.sampleData())).as(kind.key() + " " + language).isEmpty();
                MailContent mail = templates.render(template, kind.sampleData());
                assertThat(mail.subject()).as(kind.key()).doesNotContain("{").isNotBlank();
                assertThat(mail.text()).as(kind.key()).doesNotContain("{").doesNotContain("\n\n\n");
            }
        }
        MailContent digest = templates.render(templates.builtIn("followup-task-deadlines", Locale.ENGLISH), tasks.sampleData());
        assertThat(digest.text()).contains("- due 2027-03-01 (OVERDUE): Send the exhibitor manual https://expo.example/tasks/1");
        assertThat(digest.subject()).isEqualTo("Sample Expo 2027: 1 task(s) due soon or overdue");
    }
}
