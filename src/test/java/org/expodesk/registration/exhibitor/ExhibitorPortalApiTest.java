package org.expodesk.registration.exhibitor;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.party.TestOrganizations;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ExhibitorPortalApiTest {

    @Test
    void logoIsCheckedByContentSizeLimitedAndServedBackAsPng() throws Exception {
        long exhibition = TestExhibitions.june2027();
        TestApplications.Applicant pending = TestApplications.applicant(exhibition, 9, false);
        String logo = "/api/exhibitors/" + pending.organization() + "/profile/logo";
        Api.as(pending.token()).contentType("image/png").body(png(40, 20)).put(logo).then().statusCode(409);

        Api.asAdmin().body(Map.of("decision", "APPROVE"))
                .post("/api/exhibitor-applications/" + pending.application() + "/decisions").then().statusCode(200);
        String exhibitor = pending.token();
        Api.as(exhibitor).contentType("image/png").body(png(40, 20)).put(logo).then().statusCode(200)
                .body("logo", equalTo(logo + ".png"));
        byte[] served = Api.as(exhibitor).get(logo + ".png").then().statusCode(200).contentType("image/png")
                .extract().asByteArray();
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(served));
        assertThat(back.getWidth()).isEqualTo(40);
        assertThat(back.getHeight()).isEqualTo(20);

        // a text file named logo.png is still text
        Api.as(exhibitor).contentType("image/png").body("just some words, not a picture".getBytes(StandardCharsets.UTF_8))
                .put(logo).then().statusCode(415).contentType("application/problem+json");
        byte[] huge = new byte[1024 * 1024 + 10];
        Arrays.fill(huge, (byte) 7);
        System.arraycopy(png(4, 4), 0, huge, 0, 8);
        Api.as(exhibitor).contentType("image/png").body(huge).put(logo).then().statusCode(413)
                .contentType("application/problem+json");
        // the refused uploads left the saved logo alone
        assertThat(Api.as(exhibitor).get(logo + ".png").then().statusCode(200).extract().asByteArray())
                .isEqualTo(served);
    }

    @Test
    void profileAndTicketsFromThePortal() throws Exception {
        long exhibition = TestExhibitions.june2027();
        TestApplications.Applicant a = TestApplications.applicant(exhibition, 18, true);
        String exhibitor = a.token();
        String profile = "/api/exhibitors/" + a.organization() + "/profile";
        Api.as(exhibitor).body(Map.of("descriptionEn", "Lanterns", "descriptionZh", "灯笼", "website", "not a site"))
                .put(profile).then().statusCode(400).body("errors.field", hasItem("website"));
        Api.as(exhibitor).body(Map.of("descriptionEn", "Lanterns", "descriptionZh", "灯笼", "website", "lantern.example"))
                .put(profile).then().statusCode(200).body("descriptionZh", equalTo("灯笼"));
        Api.asAdmin().get(profile).then().statusCode(200).body("descriptionEn", equalTo("Lanterns"));

        Api.as(exhibitor).body(Map.of("kind", "REQUEST", "summary", "Two more power sockets", "exhibition", exhibition))
                .post("/api/exhibitors/" + a.organization() + "/tickets").then().statusCode(201)
                .header("Location", notNullValue());
        Api.as(exhibitor).body(Map.of("kind", "REQUEST", "summary", "Not our show", "exhibition", TestExhibitions.june2027()))
                .post("/api/exhibitors/" + a.organization() + "/tickets").then().statusCode(400)
                .body("errors.field", hasItem("exhibition"));
        Api.as(exhibitor).get("/api/exhibitors/" + a.organization() + "/tickets").then().statusCode(200)
                .body("items.summary", hasItem("Two more power sockets"));
        Api.asAdmin().get("/api/organizations/" + a.organization() + "/tickets").then().statusCode(200)
                .body("summary", hasItem("Two more power sockets"));
    }

    /** Route by route: another exhibitor gets 404, anonymous 401, an exhibitor on staff routes 403. */
    @Test
    void anExhibitorReachesOnlyItsOwnOrganization() throws Exception {
        long exhibition = TestExhibitions.june2027();
        TestApplications.Applicant owner = TestApplications.applicant(exhibition, 18, true);
        long staffId = ((Number) Api.as(owner.token()).body(Map.of("name", "Zhang San", "email",
                        "zhang-" + TestApplications.unique() + "@lantern.test"))
                .post("/api/exhibitor-applications/" + owner.application() + "/staff").then().statusCode(201)
                .extract().path("id")).longValue();
        Api.as(owner.token()).contentType("image/png").body(png(8, 8))
                .put("/api/exhibitors/" + owner.organization() + "/profile/logo").then().statusCode(200);
        String other = TestUsers.exhibitor(TestOrganizations.create()).token();

        String app = "/api/exhibitor-applications/" + owner.application();
        String org = "/api/exhibitors/" + owner.organization();
        Api.as(other).get(app).then().statusCode(404);
        Api.as(other).get(app + "/staff").then().statusCode(404);
        Api.as(other).body(Map.of("name", "Intruder", "email", "x@y.test")).post(app + "/staff").then().statusCode(404);
        Api.as(other).delete(app + "/staff/" + staffId).then().statusCode(404);
        Api.as(other).body(Map.of("answer", "hi")).post(app + "/answers").then().statusCode(404);
        Api.as(other).get(org + "/applications").then().statusCode(404);
        Api.as(other).get(org + "/profile").then().statusCode(404);
        Api.as(other).body(Map.of("descriptionEn", "mine now")).put(org + "/profile").then().statusCode(404);
        Api.as(other).contentType("image/png").body(png(8, 8)).put(org + "/profile/logo").then().statusCode(404);
        Api.as(other).get(org + "/profile/logo.png").then().statusCode(404);
        Api.as(other).get(org + "/tickets").then().statusCode(404);
        Api.as(other).body(Map.of("kind", "REQUEST", "summary", "x")).post(org + "/tickets").then().statusCode(404);

        Api.as(owner.token()).body(Map.of("decision", "APPROVE")).post(app + "/decisions").then().statusCode(403);
        Api.as(owner.token()).body(Map.of("quota", 50)).put(app + "/staff-quota").then().statusCode(403);
        Api.as(owner.token()).get("/api/exhibitions/" + exhibition + "/exhibitor-applications").then().statusCode(403);

        for (String path : new String[] {app, app + "/staff", org + "/applications", org + "/profile",
                org + "/profile/logo.png", org + "/tickets", "/api/exhibitions/" + exhibition + "/exhibitor-applications"}) {
            given().get(path).then().statusCode(401);
        }
        given().contentType(ContentType.JSON).body(Map.of("decision", "APPROVE")).post(app + "/decisions")
                .then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("name", "a", "email", "a@b.test")).post(app + "/staff")
                .then().statusCode(401);

        // the owner still sees everything of its own
        Api.as(owner.token()).get(app + "/staff").then().statusCode(200).body("total", equalTo(1));
    }

    static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
