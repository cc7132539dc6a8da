package org.expodesk.party.imports;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What a file holds: organizations or people, with the fields a column can be mapped to. */
public enum ImportKind {
    ORGANIZATIONS(List.of("name", "nameLatin", "shortName", "creditCode", "country", "province", "city", "address",
            "website", "email", "phone", "industry", "companySize", "mainBusiness", "tags", "notes"),
            Map.ofEntries(Map.entry("company", "name"), Map.entry("companyname", "name"),
                    Map.entry("organization", "name"), Map.entry("organisation", "name"),
                    Map.entry("公司", "name"), Map.entry("公司名称", "name"), Map.entry("企业名称", "name"),
                    Map.entry("名称", "name"), Map.entry("英文名称", "nameLatin"), Map.entry("简称", "shortName"),
                    Map.entry("统一社会信用代码", "creditCode"), Map.entry("vat", "creditCode"),
                    Map.entry("国家", "country"), Map.entry("省份", "province"), Map.entry("城市", "city"),
                    Map.entry("地址", "address"), Map.entry("网站", "website"), Map.entry("网址", "website"),
                    Map.entry("e-mail", "email"), Map.entry("邮箱", "email"), Map.entry("电话", "phone"),
                    Map.entry("行业", "industry"), Map.entry("标签", "tags"), Map.entry("备注", "notes"))),
    PEOPLE(List.of("familyName", "givenName", "fullName", "jobTitle", "email", "phone", "organization", "language",
            "tags"),
            Map.ofEntries(Map.entry("lastname", "familyName"), Map.entry("surname", "familyName"),
                    Map.entry("firstname", "givenName"), Map.entry("name", "fullName"),
                    Map.entry("姓", "familyName"), Map.entry("名", "givenName"), Map.entry("姓名", "fullName"),
                    Map.entry("title", "jobTitle"), Map.entry("职位", "jobTitle"), Map.entry("职务", "jobTitle"),
                    Map.entry("e-mail", "email"), Map.entry("邮箱", "email"), Map.entry("电话", "phone"),
                    Map.entry("手机", "phone"), Map.entry("mobile", "phone"), Map.entry("company", "organization"),
                    Map.entry("公司", "organization"), Map.entry("单位", "organization"), Map.entry("语言", "language"),
                    Map.entry("标签", "tags")));

    private final List<String> fields;
    private final Map<String, String> aliases;

    ImportKind(List<String> fields, Map<String, String> aliases) {
        this.fields = fields;
        this.aliases = aliases;
    }

    /** The target fields in a fixed order (the fingerprint relies on it). */
    public List<String> fields() {
        return fields;
    }

    /** The wire name: {@code organizations} or {@code people}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ImportKind> of(String code) {
        for (ImportKind k : values()) {
            if (code != null && k.code().equalsIgnoreCase(code.trim())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The field a header names: its own name in any case, or a common alias; null if none. */
    public String fieldFor(String header) {
        if (header == null) {
            return null;
        }
        String h = header.trim();
        for (String f : fields) {
            if (f.equalsIgnoreCase(h)) {
                return f;
            }
        }
        return aliases.get(h.toLowerCase(Locale.ROOT).replaceAll("[\\s_]", ""));
    }

    /** The columns a file must have, as field names; people need a family name or a full name. */
    public boolean hasRequired(java.util.Collection<String> mapped) {
        return this == ORGANIZATIONS ? mapped.contains("name")
                : mapped.contains("familyName") || mapped.contains("fullName");
    }

    public String requiredLabel() {
        return this == ORGANIZATIONS ? "name" : "familyName or fullName";
    }
}
