package org.expodesk.party.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.expodesk.party.Person;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which existing person an imported row is. For now: the same e-mail address, whatever its
 * case. The one place to plug a fuller person matcher into.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PersonMatching {

    /** The people holding these e-mail addresses, in one indexed query (the column compares without case). */
    public Map<String, Person> byEmail(Collection<String> emails) {
        Map<String, Person> found = new HashMap<>();
        if (emails.isEmpty()) {
            return found;
        }
        // live people only: a merged-away duplicate keeps its address, but its history is the survivor's
        List<Person> people = Person.list("email in ?1 and mergedInto is null order by id", emails.stream()
                .map(e -> e.toLowerCase(Locale.ROOT)).distinct().toList());
        for (Person p : people) {
            found.putIfAbsent(p.email.toLowerCase(Locale.ROOT), p);
        }
        return found;
    }
}
