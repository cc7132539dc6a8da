package org.expodesk.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.expodesk.platform.LinkTokens;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Device tokens verified in the last few seconds ({@code expodesk.devices.token-cache}), so that a
 * gate tablet's scans do not each look their token up in the database. Kept by the token's
 * SHA-256, never the token. Revoking or changing a device forgets its entries on this instance at
 * once (and again when that transaction ends); another instance forgets them when they expire.
 * A scan checks the device's credential again in its own transaction (docs/checkin.md), so a
 * revoked device's scans are refused at once everywhere; its other requests within the lifetime.
 */
@ApplicationScoped
public class DeviceTokenCache {

    /** Enough for thousands of devices; beyond it (only from many tokens at once) it starts over. */
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(SignedInDevice device, long expiresAtNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    DeviceConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    public Optional<SignedInDevice> get(String token) {
        Entry entry = entries.get(LinkTokens.hash(token));
        if (entry == null || entry.expiresAtNanos() - System.nanoTime() < 0) {
            return Optional.empty();
        }
        return Optional.of(entry.device());
    }

    public void put(String token, SignedInDevice device) {
        Duration lifetime = config.tokenCache();
        if (lifetime.isZero() || lifetime.isNegative()) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(LinkTokens.hash(token), new Entry(device, System.nanoTime() + lifetime.toNanos()));
    }

    /** Forgets the device's tokens now and once the current transaction, if any, has ended. */
    public void forget(long deviceId) {
        entries.values().removeIf(e -> e.device().deviceId() == deviceId);
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    entries.values().removeIf(e -> e.device().deviceId() == deviceId);
                }
            });
        }
    }
}
