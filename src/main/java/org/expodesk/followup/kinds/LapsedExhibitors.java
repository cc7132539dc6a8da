package org.expodesk.followup.kinds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.expodesk.exhibition.Exhibition;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.party.EditionExhibitors;
import org.expodesk.party.Organization;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Exhibitors of the series' previous edition that do not exhibit at this one (yet). */
@ApplicationScoped
public class LapsedExhibitors {

    public record Lapsed(Exhibition previous, List<Organization> organizations) {
    }

    @Inject
    ExhibitionService exhibitions;

    @Inject
    EditionExhibitors exhibitors;

    public Optional<Lapsed> of(Exhibition exhibition) {
        return exhibitions.previousEdition(exhibition.id).map(previous -> {
            Set<Long> now = exhibitors.organizations(exhibition.id).stream().map(o -> o.id).collect(Collectors.toSet());
            return new Lapsed(previous, exhibitors.organizations(previous.id).stream()
                    .filter(o -> !now.contains(o.id)).toList());
        });
    }
}
