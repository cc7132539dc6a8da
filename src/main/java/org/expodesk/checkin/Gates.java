package org.expodesk.checkin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.account.CodeSetConverter;
import org.expodesk.account.ScannerDevices;
import org.expodesk.exhibition.EditionCreated;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.platform.problem.FieldChecks;
import org.expodesk.platform.problem.FieldError;
import org.expodesk.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The gates of an edition. Every edition starts with {@code main}, open both ways to every category. */
@ApplicationScoped
@Transactional
public class Gates {

    public record GateInput(String name, GateKind kind, Set<String> zones, Set<String> categories) {
    }

    @Inject
    ExhibitionService exhibitions;

    @Inject
    ScannerDevices devices;

    /** A new edition gets the gates (and entry policies) of the edition it was made from, else {@code main}. */
    void onEditionCreated(@Observes EditionCreated created) {
        List<Gate> source = created.copiedFrom() == null ? List.of() : list(created.copiedFrom());
        if (source.isEmpty()) {
            persist(created.exhibitionId(), new GateInput(Gate.MAIN, GateKind.BOTH, Set.of(), Set.of()));
            return;
        }
        for (Gate gate : source) {
            persist(created.exhibitionId(), new GateInput(gate.name, gate.kind, gate.zones, gate.categories));
        }
        for (CategoryPolicy policy : CategoryPolicy.<CategoryPolicy>list("exhibitionId", created.copiedFrom())) {
            CategoryPolicy copy = new CategoryPolicy();
            copy.exhibitionId = created.exhibitionId();
            copy.category = policy.category;
            copy.policy = policy.policy;
            copy.persist();
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Gate> list(long exhibitionId) {
        return Gate.list("exhibitionId = ?1 order by name", exhibitionId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Gate get(long gateId) {
        Gate gate = Gate.findById(gateId);
        if (gate == null) {
            throw ProblemException.notFound("Gate");
        }
        return gate;
    }

    /** The gate a scan names; names compare as the database collation does (case-insensitive). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Gate> byName(long exhibitionId, String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return Gate.find("exhibitionId = ?1 and name = ?2", exhibitionId, name.trim()).firstResultOptional();
    }

    /** The gate a scan names, or a 422: a scan at an unknown gate cannot be decided. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Gate requireByName(long exhibitionId, String name) {
        return byName(exhibitionId, name).orElseThrow(() -> ProblemException.unprocessable("gate_unknown"));
    }

    public Gate create(long exhibitionId, GateInput input) {
        exhibitions.get(exhibitionId);
        GateInput checked = check(exhibitionId, null, input);
        return persist(exhibitionId, checked);
    }

    public Gate update(long gateId, GateInput input, Long version) {
        Gate gate = get(gateId);
        if (version != null && version != gate.version) {
            throw ProblemException.conflict("gate_stale");
        }
        GateInput checked = check(gate.exhibitionId, gate.id, input);
        gate.name = checked.name();
        gate.kind = checked.kind();
        gate.zones = new TreeSet<>(checked.zones());
        gate.categories = new TreeSet<>(checked.categories());
        return gate;
    }

    /** Removes a gate no device is set to and no scan was recorded at. */
    public void delete(long gateId) {
        Gate gate = get(gateId);
        if (devices.anyAtGate(gateId)) {
            throw ProblemException.conflict("gate_hasDevices");
        }
        if (CheckinScan.count("gateId", gateId) > 0) {
            throw ProblemException.conflict("gate_hasScans");
        }
        gate.delete();
    }

    private GateInput check(long exhibitionId, Long gateId, GateInput input) {
        List<FieldError> errors = new ArrayList<>();
        String name = FieldChecks.text(input.name(), "name", 64, true, errors);
        if (input.kind() == null) {
            errors.add(new FieldError("kind", "field_required"));
        }
        Set<String> zones = CodeSetConverter.normalize(input.zones());
        Set<String> categories = CodeSetConverter.normalize(input.categories());
        if (!CodeSetConverter.valid(zones)) {
            errors.add(new FieldError("zones", "checkin_codesInvalid"));
        }
        if (!CodeSetConverter.valid(categories)) {
            errors.add(new FieldError("categories", "checkin_codesInvalid"));
        }
        if (name != null && byName(exhibitionId, name).filter(other -> !other.id.equals(gateId)).isPresent()) {
            errors.add(new FieldError("name", "gate_nameTaken"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new GateInput(name, input.kind(), zones, categories);
    }

    private static Gate persist(long exhibitionId, GateInput input) {
        Gate gate = new Gate();
        gate.exhibitionId = exhibitionId;
        gate.name = input.name();
        gate.kind = input.kind();
        gate.zones = new TreeSet<>(input.zones());
        gate.categories = new TreeSet<>(input.categories());
        gate.persist();
        return gate;
    }
}
