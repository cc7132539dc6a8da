package org.expodesk.bench.customers;

import java.util.Random;

/** Phone numbers as people write them: with or without the country code, spaced, dashed. */
final class Phones {

    private static final String[] MOBILE_PREFIXES = {"130", "131", "132", "135", "136", "137", "138", "139", "150",
        "151", "152", "158", "159", "166", "177", "180", "181", "186", "187", "188", "189", "199"};

    private Phones() {
    }

    static String chineseMobile(Random r) {
        String n = Words.pick(r, MOBILE_PREFIXES) + Words.digits(r, 8);
        return switch (r.nextInt(4)) {
            case 0 -> n;
            case 1 -> n.substring(0, 3) + " " + n.substring(3, 7) + " " + n.substring(7);
            case 2 -> "+86 " + n.substring(0, 3) + " " + n.substring(3, 7) + " " + n.substring(7);
            default -> "+86-" + n;
        };
    }

    static String chineseLandline(Random r, Words.Place place) {
        String local = Words.digits(r, place.areaCode().length() <= 2 ? 8 : 7 + r.nextInt(2));
        return r.nextBoolean() ? "0" + place.areaCode() + "-" + local : "+86 " + place.areaCode() + " " + local;
    }

    static String foreign(Random r, Words.Country country) {
        String national = Words.digits(r, country.dialCode().equals("1") ? 10 : 9);
        return "+" + country.dialCode() + " " + national.substring(0, 3) + " " + national.substring(3);
    }

    /** Another number of the same country and area, for a sister company or a namesake. */
    static String foreignLike(Random r, String phone) {
        if (phone == null) {
            return null;
        }
        return phone.substring(0, Math.max(0, phone.length() - 4)) + Words.digits(r, 4);
    }

    /** The same number written differently: spaces, dashes, country code or trunk prefix. */
    static String rewritten(String phone, Random r) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.startsWith("86") && digits.length() > 11) {
            String national = digits.substring(2);
            boolean mobile = national.startsWith("1");
            return r.nextBoolean() ? (mobile ? national : "0" + national) : "(+86) " + national;
        }
        if (digits.length() > 4 && phone.startsWith("0")) {
            return "+86 " + digits.substring(1);
        }
        return r.nextBoolean() ? "+" + digits : phone.replace(' ', '-');
    }

    /** A person's number written another way: a Chinese mobile with or without +86, spaced or dashed. */
    static String rewrittenPersonal(String phone, Random r) {
        String digits = phone.replaceAll("\\D", "");
        String n = digits.startsWith("86") && digits.length() == 13 ? digits.substring(2) : digits;
        boolean chinese = !phone.startsWith("+") || phone.startsWith("+86");
        if (!chinese || n.length() != 11 || !n.startsWith("1")) {
            return rewritten(phone, r);
        }
        String[] ways = {n, n.substring(0, 3) + " " + n.substring(3, 7) + " " + n.substring(7),
            n.substring(0, 3) + "-" + n.substring(3, 7) + "-" + n.substring(7), "+86 " + n, "+86-" + n,
            "(+86) " + n.substring(0, 3) + " " + n.substring(3, 7) + " " + n.substring(7), "+86" + n};
        String way = ways[r.nextInt(ways.length)];
        return way.equals(phone) ? ways[(java.util.Arrays.asList(ways).indexOf(way) + 1) % ways.length] : way;
    }
}
