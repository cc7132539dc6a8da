package org.expodesk.registration;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.mail.TestMail;
import org.expodesk.testing.Api;
import org.expodesk.testing.Browser;
import org.expodesk.testing.MailServerResource;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A visitor registers in Chinese in a real browser and finds the confirmation in their mailbox. */
@QuarkusTest
class RegistrationBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aVisitorRegistersInChineseAndReceivesTheConfirmationMail() throws Exception {
        long exhibition = TestExhibitions.june2027();
        String code = TestRegistrations.code(exhibition);
        long visitor = TestRegistrations.categoryId(exhibition, "VISITOR");
        Api.asAdmin().body(Map.of("code", "interest", "kind", "SINGLE_CHOICE", "labelEn", "Main interest",
                        "labelZh", "主要兴趣", "options", "textiles|Textiles|纺织\nmachines|Machines|机械", "required", true))
                .post("/api/registration-categories/" + visitor + "/questions").then().statusCode(201);
        String email = TestRegistrations.uniqueEmail("browser");
        try (BrowserContext context = Browser.newContext("zh-CN")) {
            context.setExtraHTTPHeaders(Map.of("X-Forwarded-For", TestRegistrations.address()));
            Page page = context.newPage();
            page.navigate(base + "register/" + code + "?lang=zh-CN");
            assertThat(page.locator("h2")).hasText("请选择您的参观身份");
            page.getByTestId("category-VISITOR").click();
            assertThat(page.getByTestId("registration-category")).hasText("普通观众");
            page.locator("#f-firstName").fill("小明");
            page.locator("#f-lastName").fill("王");
            page.locator("#f-email").fill(email);
            page.locator("#f-country").selectOption("CN");
            page.getByTestId("answer-interest-machines").check();
            page.getByTestId("registration-submit").click();
            // the terms were not accepted: the form comes back with the error and what was typed
            assertThat(page.getByTestId("error-terms")).hasText("请接受条款后再登记。");
            assertThat(page.locator("#f-firstName")).hasValue("小明");
            assertThat(page.getByTestId("answer-interest-machines")).isChecked();
            page.getByTestId("consent-terms").check();
            page.getByTestId("consent-leadSharing").check();
            page.getByTestId("registration-submit").click();
            assertThat(page.getByTestId("registration-thanks")).containsText("感谢您的登记");
        }
        TestMail.drain("registration%");
        List<MimeMessage> mails = MailServerResource.receivedBy(email);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).contains("登记确认", "普通观众");
        var registrations = Api.asAdmin().get("/api/exhibitions/" + exhibition + "/registrations").then().statusCode(200)
                .extract().jsonPath();
        assertThat(registrations.getString("[0].language")).isEqualTo("zh-CN");
        long badgeId = registrations.getLong("[0].badge.id");

        // the badge in the mail: its QR decodes to a code that verifies, for this edition and this badge
        byte[] pdf = MailServerResource.attachment(mails.get(0));
        assertThat(pdf).as("badge PDF attached").isNotNull();
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("小明");
            String qr = org.expodesk.badge.TestBadges.decodeQr(
                    new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 200));
            org.expodesk.badge.Verification verification = org.expodesk.badge.TestBadges.badges().verify(qr, exhibition);
            assertThat(verification.valid()).isTrue();
            assertThat(verification.payload().badgeId()).isEqualTo(badgeId);
            assertThat(verification.payload().category()).isEqualTo("VISITOR");
        }
        assertThat(TestRegistrations.textOf(mails.get(0))).contains("/badges/");
    }
}
