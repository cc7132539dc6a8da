package org.expodesk.account;

import com.nulabinc.zxcvbn.Pattern;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.matchers.Match;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a password must be: at least 12 characters (long passphrases welcome), not one of the
 * commonly used passwords, and not trivially guessable from the user's own names. Uses zxcvbn's
 * dictionaries and estimator (the list of 30,000 most common passwords is part of it).
 */
@ApplicationScoped
public class PasswordPolicy {

    /** Why a password was refused; the message key is translated by the pages. */
    public enum Refusal {
        TOO_SHORT("password_tooShort"),
        TOO_LONG("password_tooLong"),
        COMMON("password_common"),
        GUESSABLE("password_guessable");

        public final String messageKey;

        Refusal(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    /** zxcvbn's effort grows with length: the first 100 characters are what it judges. */
    private static final int ESTIMATE_PREFIX = 100;
    private static final int MIN_SCORE = 3;

    private final Zxcvbn zxcvbn = new Zxcvbn();

    @Inject
    PasswordConfig config;

    public Optional<Refusal> check(String password, String... userInputs) {
        if (password == null || password.codePointCount(0, password.length()) < config.minLength()) {
            return Optional.of(Refusal.TOO_SHORT);
        }
        if (password.length() > config.maxLength()) {
            return Optional.of(Refusal.TOO_LONG);
        }
        List<String> personal = new ArrayList<>();
        for (String input : userInputs) {
            if (input != null && !input.isBlank()) {
                personal.add(input.toLowerCase());
            }
        }
        String estimated = password.length() > ESTIMATE_PREFIX ? password.substring(0, ESTIMATE_PREFIX) : password;
        Strength strength = zxcvbn.measure(estimated, personal);
        if (isCommonPassword(strength, estimated)) {
            return Optional.of(Refusal.COMMON);
        }
        if (strength.getScore() < MIN_SCORE) {
            return Optional.of(Refusal.GUESSABLE);
        }
        return Optional.empty();
    }

    public int minLength() {
        return config.minLength();
    }

    private static boolean isCommonPassword(Strength strength, String password) {
        List<Match> sequence = strength.getSequence();
        if (sequence.size() != 1) {
            return false;
        }
        Match only = sequence.get(0);
        return only.pattern == Pattern.Dictionary && "passwords".equals(only.dictionaryName)
                && only.token.length() == password.length();
    }
}
