package org.expodesk.checkin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.account.ScannerDevice;
import org.expodesk.account.ScannerDevices;
import org.expodesk.exhibition.ExhibitionService;
import org.expodesk.platform.problem.ProblemException;

import java.util.List;
import java.util.Set;

/**
 * Staff's side of scanner devices: account keeps the devices and their credentials, this checks
 * that a device's gate is a gate of its edition (account cannot see gates).
 */
@ApplicationScoped
@Transactional
public class GateDevices {

    /** A device as staff describe it: {@code gate} is a gate's name, blank for "the scan names it". */
    public record DeviceInput(String name, String gate, Set<String> zones, Set<String> categories) {
    }

    @Inject
    ScannerDevices devices;

    @Inject
    Gates gates;

    @Inject
    ExhibitionService exhibitions;

    public ScannerDevices.Registered register(long exhibitionId, DeviceInput input) {
        exhibitions.get(exhibitionId);
        return devices.register(exhibitionId, toAccount(exhibitionId, input));
    }

    public ScannerDevice update(long deviceId, DeviceInput input) {
        ScannerDevice device = devices.get(deviceId);
        return devices.update(deviceId, toAccount(device.exhibitionId, input));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ScannerDevice> list(long exhibitionId) {
        exhibitions.get(exhibitionId);
        return devices.list(exhibitionId);
    }

    /** The name of a device's gate, or null when it has none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String gateName(ScannerDevice device) {
        return device.gateId == null ? null : Gate.<Gate>findByIdOptional(device.gateId).map(g -> g.name).orElse(null);
    }

    private ScannerDevices.NewDevice toAccount(long exhibitionId, DeviceInput input) {
        Long gateId = null;
        if (input.gate() != null && !input.gate().isBlank()) {
            gateId = gates.byName(exhibitionId, input.gate())
                    .orElseThrow(() -> ProblemException.invalid("gate", "gate_unknown")).id;
        }
        return new ScannerDevices.NewDevice(input.name(), gateId, input.zones(), input.categories());
    }
}
