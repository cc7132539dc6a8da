package org.expodesk.bench.customers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * CSV files for import benchmarks, drawn from {@link CustomerData} so that some rows are people and
 * companies already in the generated database and the rest are new: the people of a file are
 * either known ones written again (their e-mail in other case and with spaces around it, or no
 * e-mail and their phone written another way), rows repeated later in the same file, or new
 * people (drawn from a second data set with another seed) of existing and new companies.
 */
public final class ImportFiles {

    /** What a file holds, by the kind of row. */
    public record People(byte[] csv, int rows, int knownByEmail, int knownByPhone, int repeated, int fresh,
                         int withCompany, int newCompanies) {
    }

    public record Organizations(byte[] csv, int rows, int known, int fresh) {
    }

    public static final double KNOWN_BY_EMAIL = 0.20;
    public static final double KNOWN_BY_PHONE = 0.05;
    public static final double REPEATED = 0.05;
    /** Of the new people: employed by a company of the database, by a new company, or by none. */
    public static final double EXISTING_COMPANY = 0.60;
    public static final double NEW_COMPANY = 0.25;
    /** New companies that new people are drawn from, a few people each. */
    public static final int NEW_COMPANY_POOL = 8_000;

    private ImportFiles() {
    }

    /** A people CSV of {@code rows} rows (header: familyName, givenName, email, phone, organization, jobTitle, language). */
    public static People people(CustomerData data, int rows, long seed) {
        CustomerData other = other(data, seed);
        Random r = new Random(seed);
        int organizations = data.options().organizations();
        int people = data.options().people();
        StringBuilder csv = new StringBuilder("familyName,givenName,email,phone,organization,jobTitle,language\n");
        List<String> written = new ArrayList<>();
        int byEmail = 0;
        int byPhone = 0;
        int repeated = 0;
        int fresh = 0;
        int withCompany = 0;
        int newCompanies = 0;
        for (int i = 0; i < rows; i++) {
            double roll = r.nextDouble();
            String line;
            if (roll < KNOWN_BY_EMAIL) {
                CustomerData.Person p = known(data, r, people, true, false);
                String email = r.nextBoolean() ? p.email().toUpperCase(Locale.ROOT) : " " + p.email() + " ";
                line = line(p.familyName(), p.givenName(), email, p.phone(),
                        data.organization((int) p.organizationId() - 1).name(), p.jobTitle(), p.language());
                byEmail++;
                withCompany++;
            } else if (roll < KNOWN_BY_EMAIL + KNOWN_BY_PHONE) {
                CustomerData.Person p = known(data, r, people, false, true);
                line = line(p.familyName(), p.givenName(), null, Phones.rewritten(p.phone(), r),
                        data.organization((int) p.organizationId() - 1).name(), p.jobTitle(), p.language());
                byPhone++;
                withCompany++;
            } else if (roll < KNOWN_BY_EMAIL + KNOWN_BY_PHONE + REPEATED && !written.isEmpty()) {
                line = written.get(r.nextInt(written.size()));
                repeated++;
            } else {
                CustomerData.Person p = other.person(i);
                double c = r.nextDouble();
                String company = null;
                if (c < EXISTING_COMPANY) {
                    company = data.organization(r.nextInt(organizations)).name();
                } else if (c < EXISTING_COMPANY + NEW_COMPANY) {
                    company = other.organization(organizations - 1 - r.nextInt(NEW_COMPANY_POOL)).name();
                    newCompanies++;
                }
                withCompany += company == null ? 0 : 1;
                line = line(p.familyName(), p.givenName(), p.email(), p.phone(), company, p.jobTitle(), p.language());
                written.add(line);
                fresh++;
            }
            csv.append(line);
        }
        return new People(csv.toString().getBytes(StandardCharsets.UTF_8), rows, byEmail, byPhone, repeated, fresh,
                withCompany, newCompanies);
    }

    /** An organizations CSV: a share written again as the database has them, the rest new companies. */
    public static Organizations organizations(CustomerData data, int rows, double knownShare, long seed) {
        CustomerData other = other(data, seed);
        Random r = new Random(seed);
        int organizations = data.options().organizations();
        StringBuilder csv = new StringBuilder(
                "name,nameLatin,creditCode,country,province,city,website,email,phone,industry,companySize\n");
        int known = 0;
        for (int i = 0; i < rows; i++) {
            CustomerData.Org o;
            if (r.nextDouble() < knownShare) {
                o = data.organization(r.nextInt(organizations));
                known++;
            } else {
                // from the far end of the other data set: not the new companies of the people file
                o = other.organization(organizations - NEW_COMPANY_POOL - 1 - i);
            }
            csv.append(line(o.name(), o.nameLatin(), o.creditCode(), o.country(), o.province(), o.city(),
                    o.website(), o.email(), o.phone(), o.industry(), o.companySize()));
        }
        return new Organizations(csv.toString().getBytes(StandardCharsets.UTF_8), rows, known, rows - known);
    }

    private static CustomerData other(CustomerData data, long seed) {
        CustomerData.Options o = data.options();
        return new CustomerData(new CustomerData.Options(o.seed() ^ seed, o.organizations(), o.people(),
                o.duplicateShare(), o.alikeShare()));
    }

    private static CustomerData.Person known(CustomerData data, Random r, int people, boolean email, boolean phone) {
        while (true) {
            CustomerData.Person p = data.person(r.nextInt(people));
            if ((!email || p.email() != null) && (!phone || p.phone() != null)) {
                return p;
            }
        }
    }

    private static String line(String... cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String c = cells[i];
            if (c != null) {
                out.append(c.indexOf(',') >= 0 || c.indexOf('"') >= 0 ? '"' + c.replace("\"", "\"\"") + '"' : c);
            }
        }
        return out.append('\n').toString();
    }
}
