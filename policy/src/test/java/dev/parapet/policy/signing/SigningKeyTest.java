package dev.parapet.policy.signing;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeyTest {

    @Test
    void derivesThePublicKeyOfAPrivateKey() {
        SigningKey generated = SigningKey.generate();

        SigningKey derived = SigningKey.of(generated.privateKey());

        assertThat(derived.publicKey().getEncoded()).isEqualTo(generated.publicKey().getEncoded());
        assertThat(derived.keyId()).isEqualTo(generated.keyId());
    }

    @Test
    void signaturesVerifyOnlyWithTheMatchingKeyAndData() {
        SigningKey key = SigningKey.generate();
        byte[] data = "manifest".getBytes(StandardCharsets.US_ASCII);
        byte[] signature = key.sign(data);

        assertThat(key.trustedKey().verifies(data, signature)).isTrue();
        assertThat(SigningKey.generate().trustedKey().verifies(data, signature)).isFalse();
        assertThat(key.trustedKey().verifies("manifesT".getBytes(StandardCharsets.US_ASCII), signature)).isFalse();
        assertThat(key.trustedKey().verifies(data, new byte[3])).isFalse();
    }

    @Test
    void aKeyIdMustBelongToItsKey() {
        SigningKey one = SigningKey.generate();
        SigningKey two = SigningKey.generate();
        assertThat(one.keyId()).isNotEqualTo(two.keyId());
        assertThatThrownBy(() -> new TrustedKey(two.keyId(), one.publicKey()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong");
    }

    @Test
    void toStringDoesNotShowThePrivateKey() {
        SigningKey key = SigningKey.generate();
        assertThat(key.toString()).isEqualTo("SigningKey[keyId=" + key.keyId() + "]");
    }
}
