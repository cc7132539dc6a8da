package org.expodesk.party;

import io.quarkus.arc.Arc;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/** The one place that keeps the search index right: JPA callbacks on organizations and people. */
public class SearchIndexListener {

    @PostPersist
    void created(Object entity) {
        if (entity instanceof Organization o) {
            // unless Organizations indexed it as it persisted it (its insert may have waited for the flush)
            index().created(o);
        } else if (entity instanceof Person p) {
            index().index(p, false);
        }
    }

    @PostUpdate
    void written(Object entity) {
        if (entity instanceof Organization o) {
            index().index(o, true);
        } else if (entity instanceof Person p) {
            index().index(p, true);
        }
    }

    @PostRemove
    void removed(Object entity) {
        if (entity instanceof Organization o) {
            index().forget(SearchIndex.ORGANIZATION, o.id);
        } else if (entity instanceof Person p) {
            index().forget(SearchIndex.PERSON, p.id);
        }
    }

    private static SearchIndex index() {
        return Arc.container().instance(SearchIndex.class).get();
    }
}
