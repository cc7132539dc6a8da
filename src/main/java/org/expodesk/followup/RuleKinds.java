package org.expodesk.followup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every {@link RuleKind} bean, by key. */
@ApplicationScoped
public class RuleKinds {

    @Inject
    Instance<RuleKind> kinds;

    public List<RuleKind> all() {
        return kinds.stream().sorted(Comparator.comparing(RuleKind::key)).toList();
    }

    public Optional<RuleKind> find(String key) {
        return kinds.stream().filter(k -> k.key().equals(key)).findFirst();
    }
}
