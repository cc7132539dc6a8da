package org.expodesk.party;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Gives phones stored before E.164 existed (V14) their E.164 form, at start-up, since SQL cannot
 * parse phone numbers. A number that is not valid keeps a null E.164 and is matched by nobody; it is
 * looked at again at the next start. Nodes starting together write the same values.
 */
@ApplicationScoped
public class PhoneBackfill {

    private static final Logger LOG = Logger.getLogger(PhoneBackfill.class);
    private static final int CHUNK = 500;

    void onStart(@Observes StartupEvent event) {
        try {
            int filled = 0;
            long after = 0;
            while (after >= 0) {
                long from = after;
                long[] result = QuarkusTransaction.requiringNew().call(() -> organizations(from));
                filled += (int) result[1];
                after = result[0];
            }
            after = 0;
            while (after >= 0) {
                long from = after;
                long[] result = QuarkusTransaction.requiringNew().call(() -> people(from));
                filled += (int) result[1];
                after = result[0];
            }
            if (filled > 0) {
                LOG.infof("Gave %d stored phone numbers their E.164 form", filled);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not give stored phone numbers their E.164 form", e);
        }
    }

    /** {last id seen or -1 when done, rows filled}. */
    private static long[] organizations(long after) {
        List<Organization> chunk = Organization.<Organization>find(
                "id > ?1 and phone is not null and phoneE164 is null order by id", after).page(0, CHUNK).list();
        long filled = 0;
        for (Organization o : chunk) {
            o.phoneE164 = Phones.e164(o.phone, o.country);
            filled += o.phoneE164 == null ? 0 : 1;
        }
        return new long[] {chunk.size() < CHUNK ? -1 : chunk.get(chunk.size() - 1).id, filled};
    }

    private static long[] people(long after) {
        List<Person> chunk = Person.<Person>find("id > ?1 and phone is not null and phoneE164 is null order by id", after)
                .page(0, CHUNK).list();
        long filled = 0;
        for (Person p : chunk) {
            Organization o = p.organizationId == null ? null : Organization.findById(p.organizationId);
            p.phoneE164 = Phones.e164(p.phone, o == null ? null : o.country);
            filled += p.phoneE164 == null ? 0 : 1;
        }
        return new long[] {chunk.size() < CHUNK ? -1 : chunk.get(chunk.size() - 1).id, filled};
    }
}
