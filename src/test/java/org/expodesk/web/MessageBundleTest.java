package org.expodesk.web;

import org.expodesk.web.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every visible text exists in English and Chinese, and every key a template or class uses exists. */
class MessageBundleTest {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("[{=]m:(?:fmt\\(')?([A-Za-z][A-Za-z0-9_]*)");
    /**
     * String literals that look like message keys, except column and table names in mappings, in merge rows and
     * in the tables plain SQL names for Hibernate's flush ({@code HINT_NATIVE_SPACES}).
     */
    private static final Pattern JAVA_KEY = Pattern.compile("(?<!name = |HINT_NATIVE_SPACES, |Rows\\(\"[A-Za-z]{1,40}\", )\"((?:login|setup|password|user|users|token|"
            + "account|home|portal|audit|pager|nav|mail|role|exhibition|field|stage|task|taskState|taskAction|board|flag|mine|timeline|risk|riskState|inbox|notify|calendar|template|templates|settings|party|jobs|survey|followup|rateLimit|badge|registration|application|checkin|scanner|leads|gate|desk|live)_[A-Za-z0-9_]+)\"");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        Set<String> english = ResourceBundle.getBundle("messages.messages", Messages.ENGLISH).keySet();
        Set<String> chinese = Messages.bundle(Messages.CHINESE).keySet();
        assertThat(chinese).containsExactlyInAnyOrderElementsOf(english);
        for (String key : english) {
            assertThat(Messages.text(Messages.CHINESE, key)).as(key).isNotBlank();
        }
    }

    @Test
    void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
        Set<String> used = new HashSet<>();
        collect(Path.of("src/main/resources/templates"), TEMPLATE_KEY, used);
        collect(Path.of("src/main/java"), JAVA_KEY, used);
        used.remove("fmt");
        for (String status : new String[] {"400", "401", "403", "404", "405", "409", "413", "415", "422", "429", "500", "503"}) {
            used.add("error_" + status + "_title");
            used.add("error_" + status + "_text");
        }
        used.removeIf(key -> key.equals("role_") || key.endsWith("_"));
        Set<String> english = Messages.bundle(Messages.ENGLISH).keySet();
        assertThat(english).containsAll(used);
    }

    private static void collect(Path root, Pattern pattern, Set<String> into) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    into.add(m.group(1));
                }
            }
        }
    }
}
