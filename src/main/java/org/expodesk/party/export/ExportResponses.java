package org.expodesk.party.export;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.nio.file.Files;

/** An export file as a download; the file is deleted once sent. */
public final class ExportResponses {

    private ExportResponses() {
    }

    public static Response download(Exports.ExportFile export) {
        StreamingOutput body = out -> {
            try {
                Files.copy(export.file(), out);
            } finally {
                Exports.delete(export.file());
            }
        };
        return Response.ok(body, export.format().mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + export.filename() + "\"")
                .header("X-Export-Rows", export.rows()).build();
    }

    /** {@code csv} or {@code xlsx} from a path, else null. */
    public static TableWriter.Format format(String extension) {
        for (TableWriter.Format f : TableWriter.Format.values()) {
            if (f.extension.equalsIgnoreCase(extension)) {
                return f;
            }
        }
        return null;
    }
}
