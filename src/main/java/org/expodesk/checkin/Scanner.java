package org.expodesk.checkin;

import java.util.Set;

/**
 * Who scans: a scanner device (bound to its edition, maybe to a gate and to categories) or a staff
 * user (any edition: the code names it). {@code scannedBy} keys the client's scan ids. A device's
 * {@code credentialId} is the token it signed in with, which its scans check again in their transaction.
 */
public record Scanner(String scannedBy, Long deviceId, Long userId, Long exhibitionId, Long gateId,
                      Set<String> categories, Long credentialId) {

    public static Scanner device(long deviceId, long exhibitionId, Long gateId, Set<String> categories,
                                 long credentialId) {
        return new Scanner("device:" + deviceId, deviceId, null, exhibitionId, gateId, categories, credentialId);
    }

    public static Scanner user(long userId) {
        return new Scanner("user:" + userId, null, userId, null, null, Set.of(), null);
    }

    public boolean isDevice() {
        return deviceId != null;
    }

    /** The same device as its row now says: set to another gate or other categories since it signed in. */
    Scanner withSettings(Long gateId, Set<String> categories) {
        return new Scanner(scannedBy, deviceId, userId, exhibitionId, gateId, categories, credentialId);
    }
}
