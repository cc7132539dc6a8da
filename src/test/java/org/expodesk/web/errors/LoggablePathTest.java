package org.expodesk.web.errors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Error logs name the path a request took, never the token a public link carries in it. */
class LoggablePathTest {

    @Test
    void aLongSegmentSuchAsALinkTokenIsCutAndTheRestKept() {
        String token = "q7ZbR2xYk9LmN3pQvW8sT1uHcE5fGj0aBdK4oIyXn6";
        assertThat(ErrorMapping.loggable("/badges/" + token + ".pdf")).isEqualTo("/badges/q7Zb…")
                .doesNotContain(token.substring(4, 12));
        assertThat(ErrorMapping.loggable("/survey/" + token)).isEqualTo("/survey/q7Zb…");
        assertThat(ErrorMapping.loggable("/api/public/exhibitions/CFF2027/registrations"))
                .isEqualTo("/api/public/exhibitions/CFF2027/registrations");
        assertThat(ErrorMapping.loggable("/")).isEqualTo("/");
    }
}
