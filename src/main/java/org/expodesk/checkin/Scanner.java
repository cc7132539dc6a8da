package org.expodesk.checkin;

import java.util.Set;

/**
 * Who scans: a scanner device (bound to its edition, maybe to a gate and to categories) or a staff
 * user (any edition: the code names it). {@code scannedBy} keys the client's scan ids.
 */
public record Scanner(String scannedBy, Long deviceId, Long userId, Long exhibitionId, Long gateId,
                      Set<String> categories) {

    public static Scanner device(long deviceId, long exhibitionId, Long gateId, Set<String> categories) {
        return new Scanner("device:" + deviceId, deviceId, null, exhibitionId, gateId, categories);
    }

    public static Scanner user(long userId) {
        return new Scanner("user:" + userId, null, userId, null, null, Set.of());
    }

    public boolean isDevice() {
        return deviceId != null;
    }
}
