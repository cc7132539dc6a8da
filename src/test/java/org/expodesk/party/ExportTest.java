package org.expodesk.party;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.expodesk.exhibition.TestExhibitions;
import org.expodesk.testing.Api;
import org.expodesk.testing.TestUsers;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class ExportTest {

    @Test
    void aSegmentExportsToXlsxWithChineseNamesAndFormulasKeptAsText() throws IOException {
        long exhibition = TestExhibitions.june2027();
        String u = String.valueOf(System.nanoTime() % 1_000_000);
        long chinese = SegmentApiTest.create(Map.of("name", "上海" + u + "机械有限公司", "nameLatin", "Shanghai " + u,
                "country", "CN", "categories", List.of("MACH-TOOL")));
        long evil = SegmentApiTest.create(Map.of("name", "=HYPERLINK(\"http://evil.example\",\"" + u + "\")",
                "country", "CN", "tags", "@risk"));
        SegmentApiTest.exhibit(chinese, exhibition, "exhibitor");
        SegmentApiTest.exhibit(evil, exhibition, "exhibitor");
        long segment = ((Number) Api.asAdmin().body(Map.of("name", "Export " + u, "kind", "organizations", "filter",
                        Map.of("participations", List.of(Map.of("exhibition", exhibition)))))
                .post("/api/segments").then().statusCode(201).extract().path("id")).longValue();

        Response xlsx = Api.asAdmin().get("/api/segments/" + segment + "/export.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.header("Content-Disposition")).contains("segment-" + segment + ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.asByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(texts(sheet.getRow(0))).startsWith("id", "name", "nameLatin");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            // newest first
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat((long) first.getCell(0).getNumericCellValue()).isEqualTo(evil);
            assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            // the text as it is, kept from becoming a formula by the cell's quote prefix
            assertThat(first.getCell(1).getStringCellValue())
                    .isEqualTo("=HYPERLINK(\"http://evil.example\",\"" + u + "\")");
            assertThat(first.getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(first.getCell(12).getStringCellValue()).isEqualTo("@risk");
            assertThat(first.getCell(12).getCellStyle().getQuotePrefixed()).isTrue();
            Row second = sheet.getRow(2);
            assertThat(second.getCell(1).getStringCellValue()).isEqualTo("上海" + u + "机械有限公司");
            assertThat(second.getCell(1).getCellStyle().getQuotePrefixed()).isFalse();
            assertThat(second.getCell(13).getStringCellValue()).isEqualTo("MACH-TOOL");
        }

        Response csv = Api.asAdmin().get("/api/segments/" + segment + "/export.csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        byte[] bytes = csv.asByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(new String(bytes, StandardCharsets.UTF_8)
                .substring(1))).getRecords();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get(1)).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"" + u + "\")");
        assertThat(rows.get(2).get(1)).isEqualTo("上海" + u + "机械有限公司");

        Api.asAdmin().queryParam("action", "EXPORT").get("/api/audit").then().body("items.detail",
                hasItem("XLSX, segment " + segment + " (Export " + u + "), rows=2"));
    }

    @Test
    void theOrganizationAndPeopleListsExportWithTheirFilters() throws IOException {
        String u = String.valueOf(System.nanoTime() % 1_000_000);
        long org = SegmentApiTest.create(Map.of("name", "Export list " + u, "country", "MU"));
        SegmentApiTest.person(Map.of("familyName", "李", "givenName", "娜" + u, "organization", org));
        SegmentApiTest.person(Map.of("familyName", "-1+" + u, "organization", org));

        Response xlsx = Api.asAdmin().queryParam("country", "mu").queryParam("verification", "unverified")
                .get("/api/organizations/export.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.asByteArray()))) {
            List<String> names = new ArrayList<>();
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                names.add(sheet.getRow(r).getCell(1).getStringCellValue());
                assertThat(sheet.getRow(r).getCell(4).getStringCellValue()).isEqualTo("MU");
            }
            assertThat(names).contains("Export list " + u);
        }
        Api.asAdmin().queryParam("verification", "maybe").get("/api/organizations/export.xlsx").then().statusCode(400);

        Response people = Api.asAdmin().queryParam("organization", org).get("/api/people/export.csv");
        assertThat(people.statusCode()).isEqualTo(200);
        String body = people.asString();
        assertThat(body).contains("\"李娜" + u + "\"").contains("\"'-1+" + u + "\"").contains("\"Export list " + u + "\"");
        Response peopleXlsx = Api.asAdmin().queryParam("organization", org).get("/api/people/export.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(peopleXlsx.asByteArray()))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(2);
        }
        Api.asAdmin().queryParam("organization", 987654321).get("/api/people/export.csv").then().statusCode(400);
        Api.asAdmin().queryParam("action", "EXPORT").get("/api/audit").then()
                .body("items.detail", hasItem("CSV, organization=" + org + ", rows=2"));

        String exhibitor = TestUsers.exhibitor(org).token();
        Api.as(exhibitor).get("/api/organizations/export.xlsx").then().statusCode(403);
        Api.as(exhibitor).queryParam("organization", org).get("/api/people/export.csv").then().statusCode(403);
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(c -> texts.add(c.getStringCellValue()));
        return texts;
    }
}
