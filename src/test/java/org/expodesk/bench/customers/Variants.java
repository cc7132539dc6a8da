package org.expodesk.bench.customers;

import java.util.Random;

/** How a second record of the same company differs from the first in real data. */
final class Variants {

    private static final String[] CJK_FORMS = {"股份有限公司", "有限责任公司", "有限公司", "公司"};
    private static final String[] LATIN_FORMS = {"Co., Ltd. (Joint Stock)", "Co., Ltd.", "GmbH & Co. KG", "GmbH",
        "Ltd.", "Ltd", "Limited", "Inc.", "Inc", "LLC", "Corp.", "Corporation", "AG", "KG", "S.A.S.", "SAS", "SARL",
        "S.A.", "S.p.A.", "S.r.l.", "Srl", "S.L.U.", "S.L.", "SL", "B.V.", "BV", "N.V.", "PLC", "LLP", "K.K.", "Co.",
        "Pvt. Ltd.", "Private Limited", "Ltda.", "Ltda", "A.Ş.", "Ltd. Şti.", "e.K.", "S.n.c."};

    private Variants() {
    }

    static String dropLegalForm(String name) {
        for (String form : CJK_FORMS) {
            if (name.endsWith(form) && name.length() > form.length()) {
                return name.substring(0, name.length() - form.length());
            }
        }
        for (String form : LATIN_FORMS) {
            if (name.endsWith(" " + form)) {
                return name.substring(0, name.length() - form.length() - 1);
            }
        }
        return name;
    }

    static String changeLegalForm(String name, Random r) {
        String core = dropLegalForm(name);
        if (core.equals(name)) {
            return name;
        }
        boolean cjk = Character.UnicodeScript.of(name.codePointAt(name.length() - 1)) == Character.UnicodeScript.HAN;
        return cjk ? core + Words.pick(r, new String[] {"股份有限公司", "有限责任公司", "公司", "有限公司"})
                : core + " " + Words.pick(r, new String[] {"Ltd.", "Limited", "Inc.", "GmbH", "Co., Ltd.", "Corp."});
    }

    /** Full-width Latin letters, digits and brackets, as Chinese input methods type them. */
    static String fullWidth(String name, Random r) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (c > 0x20 && c < 0x7f && (r.nextDouble() < 0.8)) {
                out.append((char) (c - 0x21 + 0xFF01));
            } else if (c == ' ') {
                out.append('\u3000');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String spacesAndPunctuation(String name, Random r) {
        if (name.indexOf(' ') >= 0) {
            return r.nextBoolean() ? name.replace(" ", "  ").replace(",", " ,") : name.replace(' ', '-').toUpperCase();
        }
        int cut = Math.max(1, Math.min(name.length() - 1, 2 + r.nextInt(Math.max(1, name.length() - 2))));
        return name.substring(0, cut) + (r.nextBoolean() ? " " : "·") + name.substring(cut);
    }

    /** One character swapped with its neighbour, doubled, or left out. */
    static String typo(String name, Random r) {
        if (name.length() < 6) {
            return name;
        }
        int i = 1 + r.nextInt(name.length() - 3);
        if (!Character.isLetter(name.charAt(i)) || !Character.isLetter(name.charAt(i + 1))) {
            return name;
        }
        return switch (r.nextInt(3)) {
            case 0 -> name.substring(0, i) + name.charAt(i + 1) + name.charAt(i) + name.substring(i + 2);
            case 1 -> name.substring(0, i) + name.charAt(i) + name.substring(i);
            default -> name.substring(0, i) + name.substring(i + 1);
        };
    }

    /** 深圳市华强电子有限公司 ⇄ 华强电子有限公司. */
    static String cityPrefix(String name, String city) {
        if (name.startsWith(city + "市")) {
            return name.substring(city.length() + 1);
        }
        if (name.startsWith(city)) {
            return name.substring(city.length());
        }
        return city + "市" + name;
    }

    /** A typo in a given name: a Chinese character replaced by another, Latin letters swapped or one left out. */
    static String givenNameTypo(String given, boolean chinese, Random r) {
        if (chinese) {
            int i = r.nextInt(given.length());
            String other = Words.pick(r, Words.GIVEN).han();
            return other.equals(given.substring(i, i + 1)) ? given : given.substring(0, i) + other + given.substring(i + 1);
        }
        if (given.length() < 4) {
            return given + given.charAt(given.length() - 1);
        }
        int i = 1 + r.nextInt(given.length() - 2);
        return r.nextBoolean() ? given.substring(0, i) + given.charAt(i + 1) + given.charAt(i) + given.substring(i + 2)
                : given.substring(0, i) + given.substring(i + 1);
    }

    /** Wang.Hua@Example.COM with a space before or after, as copied from a card or a signature. */
    static String emailCaseAndSpaces(String email, Random r) {
        int at = email.indexOf('@');
        String local = r.nextBoolean() ? email.substring(0, at).toUpperCase(java.util.Locale.ROOT)
                : Character.toUpperCase(email.charAt(0)) + email.substring(1, at);
        String domain = email.substring(at).toUpperCase(java.util.Locale.ROOT);
        return r.nextBoolean() ? " " + local + domain : local + domain + "  ";
    }
}
