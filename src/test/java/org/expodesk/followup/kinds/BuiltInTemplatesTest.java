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
        BoothStaffReminder boothStaff = new BoothStaffReminder();
        boothStaff.links = links;
        List<RuleKind> kinds = List.of(new ExhibitorThanks(), new RebookingOffer(), owners, followUps, tasks,
                new RegistrationReminder(), new ExhibitorManualMail(), new ExhibitorDeadlineReminder(),
                new BadgeReminder(), boothStaff);

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
        MailContent manual = templates.render(templates.builtIn("followup-exhibitor-manual", Locale.ENGLISH),
                new ExhibitorManualMail().sampleData());
        assertThat(manual.text()).contains("https://expo.example.com/manual.pdf").contains("- 2027-05-14: Booth staff names");
        java.util.Map<String, Object> noManual = new java.util.HashMap<>(new ExhibitorManualMail().sampleData());
        noManual.put("manualUrl", "");
        noManual.put("deadlines", List.of());
        assertThat(templates.render(templates.builtIn("followup-exhibitor-manual", Locale.SIMPLIFIED_CHINESE), noManual).text())
                .doesNotContain("手册：").doesNotContain("\n\n\n");
        MailContent staff = templates.render(templates.builtIn("followup-booth-staff-reminder", Locale.ENGLISH),
                boothStaff.sampleData());
        assertThat(staff.text()).contains("Sample Trading Ltd. has named 1 of 4 booth staff").contains("https://expo.example/portal");
    }
}
