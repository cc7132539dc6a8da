package org.expodesk.badge;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Private keys are sealed to their row under the key-encryption key, and a wrong key is told clearly. */
class KeyEncryptionTest {

    @Test
    void sealedKeysOpenOnlyWithTheSameKeyAndRow() {
        KeyEncryption one = withKek(new byte[32]);
        byte[] secret = "the private key".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = one.encrypt(secret, "row-1");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("the private key");
        assertThat(one.decrypt(sealed, "row-1")).isEqualTo(secret);
        assertThatThrownBy(() -> one.decrypt(sealed, "row-2")).hasMessageContaining("EXPODESK_BADGE_KEK");
        byte[] other = new byte[32];
        other[0] = 1;
        assertThatThrownBy(() -> withKek(other).decrypt(sealed, "row-1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyThatIsNotBase64Of32BytesIsRefusedByName() {
        KeyEncryption wrong = new KeyEncryption();
        wrong.configured = Optional.of(Base64.getEncoder().encodeToString(new byte[16]));
        assertThatThrownBy(() -> wrong.encrypt(new byte[1], "x")).hasMessageContaining("exactly 32 bytes");
    }

    @Test
    void withoutAConfiguredKeyOutsideProductionOneIsMadeOnceInTheDataDirectory() throws Exception {
        Path dir = Files.createTempDirectory("kek");
        KeyEncryption first = new KeyEncryption();
        first.configured = Optional.empty();
        first.dataDir = dir.toString();
        byte[] sealed = first.encrypt(new byte[] {1, 2, 3}, "row");
        KeyEncryption second = new KeyEncryption();
        second.configured = Optional.empty();
        second.dataDir = dir.toString();

        assertThat(second.decrypt(sealed, "row")).containsExactly(1, 2, 3);
        assertThat(Files.readString(dir.resolve("badge-kek"))).hasSize(44);
    }

    @Test
    void productionWithoutAKeyRefusesToStartSayingWhatToSet() {
        KeyEncryption production = new KeyEncryption();
        production.configured = Optional.empty();
        production.production = true;
        assertThatThrownBy(() -> production.checkAtStart(null))
                .hasMessageContaining("EXPODESK_BADGE_KEK is not set").hasMessageContaining("openssl rand -base64 32");
    }

    private static KeyEncryption withKek(byte[] kek) {
        KeyEncryption k = new KeyEncryption();
        k.configured = Optional.of(Base64.getEncoder().encodeToString(kek));
        return k;
    }
}
