package org.expodesk.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "expodesk.mail")
public interface MailConfig {

    /** Attempts (refusals by the SMTP server for this mail) before a mail is FAILED. */
    @WithDefault("8")
    int maxAttempts();

    /** Wait after the first refused attempt; doubles with each further one up to {@link #retryMax()}. */
    @WithDefault("1M")
    Duration retryInitial();

    @WithDefault("6H")
    Duration retryMax();

    /** Wait after the SMTP server could not be reached; doubles up to {@link #retryMax()}. */
    @WithDefault("10S")
    Duration serverDownInitial();

    /** How often the sender looks for due mail (read by its {@code @Scheduled}). */
    @WithDefault("2s")
    String pollEvery();

    /** Mails one sender takes per claim. */
    @WithDefault("50")
    int batchSize();

    /** How long claimed mails stay a sender's: after that another node puts them back. */
    @WithDefault("2M")
    Duration claimLease();

    /**
     * Longest a sender waits, before it claims each batch, while a burst of public registrations lasts
     * (platform.Foreground, ADR 0032): the burst's answers first, their confirmations after it.
     */
    @WithDefault("30S")
    Duration giveWayAtMost();

    /** Longest a sender keeps sending in one firing before it lets the next firing go on. */
    @WithDefault("50S")
    Duration runBudget();
}
