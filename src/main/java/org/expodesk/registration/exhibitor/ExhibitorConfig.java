package org.expodesk.registration.exhibitor;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Exhibitor applications and the portal (docs/exhibitors.md). */
@ConfigMapping(prefix = "expodesk.exhibitor")
public interface ExhibitorConfig {

    /** How long the e-mail confirmation link of an application stays valid. */
    @WithDefault("3D")
    Duration confirmLinkLifetime();

    /** The version of the exhibitor terms the form shows; stored with each acceptance. */
    @WithDefault("exhibitor-terms-2026-1")
    String termsVersion();

    /** One staff badge per this many square metres of booth ... */
    @WithDefault("9")
    int staffBadgePerSqm();

    /** ... and never fewer than this. */
    @WithDefault("2")
    int staffBadgeMinimum();

    /** The largest logo accepted, in bytes (then 413). */
    @WithDefault("1048576")
    int logoMaxBytes();

    /** Logos larger than this (either side, in pixels) are scaled down when re-encoded. */
    @WithDefault("1024")
    int logoMaxSide();

    /** The category printed on booth staff badges: its code in the QR, its label and band colour. */
    @WithDefault("EXHIBITOR")
    String staffBadgeCategory();

    @WithDefault("Exhibitor 展商")
    String staffBadgeLabel();

    @WithDefault("#1F6FEB")
    String staffBadgeColour();

    /** A staff badge mailed less than this ago is not mailed again: a double click sends one mail. */
    @WithDefault("30S")
    Duration badgeResendPause();
}
