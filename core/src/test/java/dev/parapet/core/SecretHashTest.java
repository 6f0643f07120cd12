package dev.parapet.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretHashTest {
    @Test
    void hashesAreStableAndDistinguishSecrets() {
        String key = SecretHash.newSecret("pk");

        assertThat(SecretHash.of(key)).isEqualTo(SecretHash.of(key)).startsWith("sha256:").hasSize(71);
        assertThat(SecretHash.matches(SecretHash.of(key), SecretHash.of(key + "x"))).isFalse();
        assertThat(SecretHash.matches(SecretHash.of(key), SecretHash.of(key))).isTrue();
    }

    @Test
    void newSecretsAreRandomAndPrefixed() {
        String a = SecretHash.newSecret("pk");
        String b = SecretHash.newSecret("pk");

        assertThat(a).startsWith("pk_").hasSize(46).isNotEqualTo(b);
        assertThat(SecretHash.displayPrefix(a)).isEqualTo(a.substring(0, 7));
    }
}
