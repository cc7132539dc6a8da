package org.expodesk.account;

import java.util.Set;

/** A scanner device that presented its token, as check-in sees it. */
public record SignedInDevice(long deviceId, String name, long exhibitionId, Long gateId, Set<String> zones,
                             Set<String> categories, long credentialId) {
}
