package org.expodesk.badge;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Api;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** What is printed: the QR decodes to exactly the badge's code, Chinese names come out whole. */
@QuarkusTest
class BadgePrintTest {

    @Inject
    BadgePdfs pdfs;

    @Test
    void theQrPngAndSvgCarryExactlyTheBadgesCode() throws Exception {
        long edition = TestExhibitions.june2027();
        Badge badge = TestBadges.issue(edition, TestBadges.person(null), "Qr Reader", null, null).badge();

        byte[] png = Api.asAdmin().get("/api/badges/" + badge.id + "/qr.png").then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        String decoded = decode(ImageIO.read(new ByteArrayInputStream(png)));
        assertThat(decoded).isEqualTo(badge.code);
        assertThat(TestBadges.badges().verify(decoded).valid()).isTrue();

        Api.asAdmin().get("/api/badges/" + badge.id + "/qr.svg").then().statusCode(200)
                .contentType("image/svg+xml").body(containsString("<svg"));
    }

    @Test
    void aChineseNameIsPrintedWithEveryGlyphInBothLayoutsAndThePrintedQrVerifies() throws Exception {
        long edition = TestExhibitions.june2027();
        long org = TestOrganizations.create();
        String name = "欧阳娜娜";
        String company = "上海国际展览有限公司";
        Badge badge = TestBadges.issue(edition, TestBadges.person("欧阳", "娜娜", org), name, org, company).badge();

        for (String layout : List.of("A6", "LABEL_4X3", "label_4x3")) {
            byte[] pdf = Api.asAdmin().get("/api/badges/" + badge.id + "/badge.pdf?layout=" + layout).then()
                    .statusCode(200).contentType("application/pdf").extract().asByteArray();
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                assertThat(doc.getNumberOfPages()).isEqualTo(1);
                String text = new PDFTextStripper().getText(doc);
                assertThat(text).contains(name, company, "PROFESSIONAL VISITOR", "Test Expo", "2027-06-14");
                BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 200);
                assertThat(decode(page)).isEqualTo(badge.code);
            }
        }
        Api.asAdmin().get("/api/badges/" + badge.id + "/badge.pdf?layout=poster").then().statusCode(400)
                .body("errors[0].field", equalTo("layout"));
    }

    @Test
    void namesBeyondGb2312AndBeyondTheBasicPlaneKeepTheirGlyphsAndALatinBadgeCarriesOnlyTheLatinFont() throws Exception {
        long edition = TestExhibitions.june2027();
        long org = TestOrganizations.create();
        // 喆 and 珺, frequent in given names, are not in GB 2312; 𐐀 (Deseret) lies beyond the basic plane, which the
        // font cut for a document cannot map, so that document embeds the CJK font as PDFBox subsets it
        for (String name : List.of("王喆珺 Zoë", "王喆 𐐀")) {
            Badge badge = TestBadges.issue(edition, TestBadges.person("王", "喆", org), name, org, "苏州灯笼制造有限公司").badge();
            byte[] pdf = Api.asAdmin().get("/api/badges/" + badge.id + "/badge.pdf").then().statusCode(200).extract().asByteArray();
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                assertThat(new PDFTextStripper().getText(doc)).contains(name, "苏州灯笼制造有限公司", "PROFESSIONAL VISITOR");
                assertThat(doc.getPage(0).getResources().getFontNames()).hasSize(2);
                assertThat(decode(new PDFRenderer(doc).renderImageWithDPI(0, 200))).isEqualTo(badge.code);
            }
        }
        Badge latin = TestBadges.issue(edition, TestBadges.person("Müller", "Zoë", org), "Zoë Müller", org,
                "Nordic Fasteners GmbH").badge();
        byte[] pdf = Api.asAdmin().get("/api/badges/" + latin.id + "/badge.pdf").then().statusCode(200).extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Zoë Müller", "Nordic Fasteners GmbH");
            assertThat(doc.getPage(0).getResources().getFontNames()).as("no CJK font for a page without Chinese").hasSize(1);
        }
    }

    @Test
    void theHolderDownloadsTheBadgeByItsPublicLinkThroughAReissueUntilItIsRevoked() throws Exception {
        long edition = TestExhibitions.june2027();
        Badges.Issued issued = TestBadges.issue(edition, TestBadges.person(null), "Link Holder", null, null);
        String address = "198.51.100." + (int) (System.nanoTime() % 250 + 1);

        byte[] pdf = given().header("X-Forwarded-For", address).get(issued.publicPdfPath()).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Link Holder");
        }
        given().header("X-Forwarded-For", address).get("/badges/" + "A".repeat(43) + ".pdf").then().statusCode(404);
        given().header("X-Forwarded-For", address).get("/badges/not-a-token.pdf").then().statusCode(404);

        // staff fix the name: the mail's link serves the badge that replaced this one, not a 404
        long fixed = Api.asAdmin().body(Map.of("holderName", "Link Holder-Fixed", "reason", "name fix"))
                .post("/api/badges/" + issued.badge().id + "/reissue").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        byte[] again = given().header("X-Forwarded-For", address).get(issued.publicPdfPath()).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(again)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Link Holder-Fixed");
        }

        Api.asAdmin().body(Map.of("reason", "lost")).post("/api/badges/" + fixed + "/revoke").then()
                .statusCode(200);
        given().header("X-Forwarded-For", address).get(issued.publicPdfPath()).then().statusCode(404);

        // guessing is limited per address: after the burst, 429 with Retry-After
        int status = 0;
        for (int i = 0; i < 15 && status != 429; i++) {
            status = given().header("X-Forwarded-For", address).get("/badges/" + "B".repeat(43) + ".pdf").statusCode();
        }
        assertThat(status).isEqualTo(429);
    }

    @Test
    void manyBadgesBecomeOnePdfWithAPageEach() throws Exception {
        long edition = TestExhibitions.june2027();
        List<Badge> badges = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            badges.add(TestBadges.issue(edition, TestBadges.person(null), "批量 " + i, null, null).badge());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdfs.many(badges, BadgePdfs.Layout.LABEL_4X3, out);
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(40);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(40);
            stripper.setEndPage(40);
            assertThat(stripper.getText(doc)).contains("批量 39");
        }
    }

    /** Parsed fonts are reused from one PDF to the next: PDFs made at once and after must each come out whole. */
    @Test
    void pdfsMadeAtOnceAndOneAfterAnotherEachCarryTheirOwnHolderWhole() throws Exception {
        long edition = TestExhibitions.june2027();
        List<Badge> badges = new ArrayList<>();
        String[] names = {"司马相如", "诸葛亮", "欧阳修", "上官婉儿", "Zoë Ångström", "慕容复"};
        for (String name : names) {
            badges.add(TestBadges.issue(edition, TestBadges.person(null), name, null, null).badge());
        }
        ExecutorService makers = Executors.newFixedThreadPool(badges.size());
        try {
            for (int round = 0; round < 2; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<byte[]>> made = new ArrayList<>();
                for (Badge b : badges) {
                    made.add(makers.submit(() -> {
                        start.await();
                        return QuarkusTransaction.requiringNew().call(() -> pdfs.one(b, BadgePdfs.Layout.A6));
                    }));
                }
                start.countDown();
                for (int i = 0; i < badges.size(); i++) {
                    try (PDDocument doc = Loader.loadPDF(made.get(i).get())) {
                        String text = new PDFTextStripper().getText(doc);
                        assertThat(text).contains(names[i]);
                        for (int j = 0; j < names.length; j++) {
                            if (j != i) {
                                assertThat(text).doesNotContain(names[j]);
                            }
                        }
                    }
                }
            }
        } finally {
            makers.shutdownNow();
        }
    }

    /**
     * The QR code's text, as a phone's reader would find it: ZXing's local binarizer first and, for a
     * whole page where the band and text can hide a finder pattern from it, its global one.
     */
    static String decode(BufferedImage image) throws Exception {
        BufferedImageLuminanceSource source = new BufferedImageLuminanceSource(image);
        Map<DecodeHintType, Object> hints = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints).getText();
        } catch (com.google.zxing.NotFoundException | com.google.zxing.ChecksumException
                 | com.google.zxing.FormatException e) {
            // a checksum or format error is the local binarizer misreading modules too: the global one gets its turn
            try {
                return new QRCodeReader().decode(new BinaryBitmap(new com.google.zxing.common.GlobalHistogramBinarizer(
                        source)), hints).getText();
            } catch (com.google.zxing.NotFoundException | com.google.zxing.ChecksumException
                     | com.google.zxing.FormatException again) {
                // ZXing's finder-pattern detector misplaces the grid of the odd symbol even in a flawless
                // image (CI saw a ChecksumException on a served PNG once): an image that is the symbol alone
                // is read module by module instead
                return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                        Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
            }
        }
    }
}
