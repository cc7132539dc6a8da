package org.expodesk.checkin.api;

import org.expodesk.account.ScannerDevice;
import org.expodesk.checkin.Gate;
import org.expodesk.checkin.GateKind;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The JSON shapes of gates and devices. */
public final class GateViews {

    private GateViews() {
    }

    public record GateRequest(String name, GateKind kind, Set<String> zones, Set<String> categories, Long version) {
    }

    public record GateView(long id, long exhibitionId, String name, GateKind kind, Set<String> zones,
                           Set<String> categories, long version) {
        public static GateView of(Gate g) {
            return new GateView(g.id, g.exhibitionId, g.name, g.kind, g.zones, g.categories, g.version);
        }
    }

    public record GateList(List<GateView> items, long total) {
    }

    public record DeviceRequest(String name, String gate, Set<String> zones, Set<String> categories) {
    }

    public record DeviceView(long id, long exhibitionId, String name, String gate, Set<String> zones,
                             Set<String> categories, Instant activatedAt, Instant revokedAt, boolean active) {
    }

    public record DeviceList(List<DeviceView> items, long total) {
    }

    /** A device just registered: its setup code is shown here and never again. */
    public record RegisteredDevice(DeviceView device, String setupCode, Instant setupCodeExpiresAt) {
    }

    public record SetupCodeView(String setupCode, Instant expiresAt) {
    }

    public static DeviceView device(ScannerDevice d, String gate, boolean active) {
        return new DeviceView(d.id, d.exhibitionId, d.name, gate, d.zones, d.categories, d.activatedAt, d.revokedAt,
                active);
    }
}
