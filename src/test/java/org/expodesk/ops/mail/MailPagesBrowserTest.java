package org.expodesk.ops.mail;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.expodesk.mail.MailKind;
import org.expodesk.mail.MailRequest;
import org.expodesk.mail.MailStatus;
import org.expodesk.mail.MailTemplate;
import org.expodesk.mail.Outbox;
import org.expodesk.mail.OutboxMail;
import org.expodesk.mail.Suppression;
import org.expodesk.mail.Suppressions;
import org.expodesk.testing.Browser;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The outbox page and the unsubscribe page in a real browser. */
@QuarkusTest
class MailPagesBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Outbox outbox;

    @Inject
    Suppressions suppressions;

    @Test
    void staffSeeAFailedMailInChineseAndSendItAgain() {
        String to = "page-" + UUID.randomUUID().toString().substring(0, 8) + "@outbox.test";
        long id = QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(MailRequest.transactional("page|" + to,
                "page-test", to, Locale.ENGLISH, new MailTemplate("Your badge", "Here it is.", null), Map.of())).id());
        QuarkusTransaction.requiringNew().run(() ->
                OutboxMail.update("status = ?1, attempts = 3, lastError = '451 busy' where id = ?2", MailStatus.FAILED, id));
        TestUsers.TestUser staff = TestUsers.staff();
        try (BrowserContext chinese = Browser.newContext("zh-CN")) {
            Page page = Browser.signIn(chinese, base.toString(), staff.username(), staff.password());
            page.navigate(base + "admin/mail?recipient=" + to);
            assertThat(page.locator("h1")).hasText("邮件发件箱");
            assertThat(page.getByTestId("mail-" + id)).containsText("发送失败");
            assertThat(page.getByTestId("mail-" + id)).containsText("451 busy");
            page.getByTestId("resend-" + id).click();
            assertThat(page.locator(".flash")).containsText("邮件已重新排队");
        }
        MailStatus now = QuarkusTransaction.requiringNew().call(() -> OutboxMail.<OutboxMail>findById(id).status);
        assertThat(now).isNotEqualTo(MailStatus.FAILED);
    }

    @Test
    void theRecipientUnsubscribesFromTheLinkInTheMailAfterConfirming() {
        String to = "reader-" + UUID.randomUUID().toString().substring(0, 8) + "@outbox.test";
        long id = QuarkusTransaction.requiringNew().call(() -> outbox.enqueue(MailRequest.marketing("offer|" + to,
                "offer-test", to, Locale.ENGLISH, new MailTemplate("Book again", "Your corner booth waits.", null),
                Map.of())).id());
        OutboxMail mail = QuarkusTransaction.requiringNew().call(() -> OutboxMail.findById(id));
        assertThat(mail.kind).isEqualTo(MailKind.MARKETING);
        try (BrowserContext english = Browser.newContext("en-GB")) {
            Page page = english.newPage();
            page.navigate(base + "mail/unsubscribe/" + mail.unsubscribeToken);
            assertThat(page.locator("main")).containsText("r***@outbox.test");
            assertThat(suppressions.reasonFor(to)).isEmpty();
            page.getByTestId("unsubscribe").click();
            assertThat(page.getByTestId("unsubscribed")).containsText("receives no more marketing mail");
            page.navigate(base + "mail/unsubscribe/not-a-token");
            assertThat(page.locator("main")).containsText("not valid");
        }
        assertThat(suppressions.reasonFor(to)).contains(Suppression.Reason.UNSUBSCRIBED);
    }
}
