package org.expodesk.ops;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorTextTest {

    @Test
    void showsTheJobsOwnExceptionNotItsWrappers() {
        assertThat(ErrorText.of(new CompletionException(new IllegalStateException("No mail server\nsecond line"))))
                .isEqualTo("IllegalStateException: No mail server");
        assertThat(ErrorText.of(new NullPointerException())).isEqualTo("NullPointerException");
    }

    @Test
    void masksWhatLooksLikeASecret() {
        assertThat(ErrorText.of(new IllegalStateException(
                "Cannot connect to jdbc:mysql://root:s3cret@db:3306/x (password=hunter2, token: abc) Bearer eyJhbGci.x")))
                .isEqualTo("IllegalStateException: Cannot connect to jdbc:mysql://***@db:3306/x (password=***, token: ***) Bearer ***");
        assertThat(ErrorText.of(new IllegalStateException("The password is too short"))).endsWith("The password is too short");
    }

    @Test
    void isShortenedToFitTheHistory() {
        String text = ErrorText.of(new IllegalStateException("x".repeat(1000)));
        assertThat(text).hasSize(ErrorText.MAX_LENGTH).endsWith("…");
    }
}
