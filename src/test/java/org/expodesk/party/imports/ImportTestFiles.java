package org.expodesk.party.imports;

import io.restassured.response.ValidatableResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.expodesk.testing.Api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Test files made on the spot, and uploading them through the API until the import is done. */
final class ImportTestFiles {

    private ImportTestFiles() {
    }

    static String csv(List<List<String>> rows) {
        try (StringWriter out = new StringWriter(); CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
            printer.flush();
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }

    static byte[] xlsx(List<List<String>> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("Customers");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ValidatableResponse upload(String token, byte[] content, String fileName, String kind, Map<String, String> more) {
        var request = Api.as(token).contentType("multipart/form-data").multiPart("file", fileName, content)
                .multiPart("kind", kind);
        for (var e : more.entrySet()) {
            request = request.multiPart(e.getKey(), e.getValue());
        }
        return request.post("/api/imports").then();
    }

    /** Uploads, expects 202, and waits for the background import to finish; returns its report. */
    static Map<String, Object> importAndWait(byte[] content, String fileName, String kind, Map<String, String> more) {
        var accepted = upload(Api.adminToken(), content, fileName, kind, more).statusCode(202).extract();
        long id = ((Number) accepted.path("id")).longValue();
        assertThat(accepted.header("Location")).isEqualTo("/api/imports/" + id);
        return awaitDone(id);
    }

    static Map<String, Object> awaitDone(long id) {
        for (int i = 0; i < 600; i++) {
            Map<String, Object> report = Api.asAdmin().get("/api/imports/" + id).then().statusCode(200).extract().path("");
            if ("DONE".equals(report.get("status")) || "FAILED".equals(report.get("status"))) {
                return report;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Import " + id + " did not finish");
    }
}
