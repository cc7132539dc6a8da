package org.expodesk.bench.customers;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The truth about the planted duplicates, as CSV: {@code id,kind,of,variations} for every
 * organization that is not an original (a DUPLICATE of {@code of}, or a distinct company ALIKE
 * {@code of}); for people ({@link #writePeople}) every planted person, a DUPLICATE or a NAMESAKE
 * of {@code of}. Precision and recall of a matcher are counted against it.
 */
public final class GroundTruth {

    private GroundTruth() {
    }

    public static Path write(CustomerData data, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,kind,of,variations\n");
            for (int i = 0; i < data.options().organizations(); i++) {
                CustomerData.Org o = data.organization(i);
                if (o.kind() != CustomerData.OrgKind.ORIGINAL) {
                    out.write(o.id() + "," + o.kind() + "," + o.of() + ",\"" + o.variations().replace(',', ' ') + "\"\n");
                }
            }
        }
        return file;
    }

    public static Path writePeople(CustomerData data, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,kind,of,variations\n");
            for (int i = data.options().people(); i < data.peopleInDatabase(); i++) {
                CustomerData.Person p = data.anyPerson(i);
                out.write(p.id() + "," + p.kind() + "," + p.of() + ",\"" + p.variations().replace(',', ' ') + "\"\n");
            }
        }
        return file;
    }
}
