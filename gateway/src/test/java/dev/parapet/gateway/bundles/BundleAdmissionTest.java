package dev.parapet.gateway.bundles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parapet.policy.signing.SigningKey;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BundleAdmissionTest {
    private static final SigningKey TRUSTED = SigningKey.generate();
    private static final SigningKey STRANGER = SigningKey.generate();
    private final BundleAdmission signedOnly = new BundleAdmission(List.of(TRUSTED.trustedKey()), "t1");

    private static TestBundle.Builder bundle() {
        return TestBundle.blockingTool("t1", 3, "rm");
    }

    @Test
    void aBundleSignedByATrustedKeyIsAdmittedCompiled() throws Exception {
        Admission admission = signedOnly.admit(bundle().signedBy(TRUSTED).candidate());

        assertThat(admission).isInstanceOfSatisfying(Admission.Admitted.class, a -> {
            assertThat(a.bundle().version()).isEqualTo("3");
            assertThat(a.bundle().ruleIds()).containsExactly("block-rm");
        });
    }

    static Stream<Arguments> refusals() throws Exception {
        TestBundle signed = bundle().signedBy(TRUSTED);
        return Stream.of(
                Arguments.of("unsigned", bundle().unsigned(), RefusalReason.MISSING_SIGNATURE),
                Arguments.of("signed_by_an_unknown_key", bundle().signedBy(STRANGER), RefusalReason.UNKNOWN_KEY),
                Arguments.of("file_changed_after_signing", signed.withFileChanged("rules/10-rules.yaml", "rules: []\n"),
                        RefusalReason.FILE_CHANGED),
                Arguments.of("file_changed_and_digest_renamed",
                        signed.withFileChanged("rules/10-rules.yaml", "rules: []\n").namingItsOwnDigest(),
                        RefusalReason.FILE_CHANGED),
                Arguments.of("file_added_after_signing", signed.withFileChanged("limits.yaml", "rates: []\n"),
                        RefusalReason.FILE_ADDED),
                Arguments.of("sent_for_another_tenant", new TestBundle("t2", 3, signed.digest(), signed.files(),
                        signed.signatures()), RefusalReason.TENANT_MISMATCH),
                Arguments.of("manifest_names_another_tenant", bundle().manifestTenant("t2").signedBy(TRUSTED),
                        RefusalReason.TENANT_MISMATCH),
                Arguments.of("server_names_another_digest", new TestBundle("t1", 3, "sha256:" + "0".repeat(64),
                        signed.files(), signed.signatures()), RefusalReason.DIGEST_MISMATCH),
                Arguments.of("signed_but_not_a_valid_policy", bundle().rule("rules:\n  - id: x\n    when: \"nope(\"\n"
                        + "    action: block\n    reason_code: x_y\n").signedBy(TRUSTED), RefusalReason.INVALID_POLICY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesWithAStableReason(String name, TestBundle bundle, RefusalReason expected) throws Exception {
        Admission admission = signedOnly.admit(bundle.candidate());

        assertThat(admission).isInstanceOfSatisfying(Admission.Refused.class,
                r -> assertThat(r.reason()).isEqualTo(expected));
    }

    @Test
    void anInvalidPolicyIsNamedByFileAndRuleWithoutQuotingTheCondition() throws Exception {
        TestBundle bundle = bundle().rule("rules:\n  - id: leaky\n    when: \"secret_condition_text(\"\n"
                + "    action: block\n    reason_code: x_y\n").signedBy(TRUSTED);

        Admission.Refused refused = (Admission.Refused) signedOnly.admit(bundle.candidate());

        assertThat(refused.detail()).contains("rules/10-rules.yaml", "leaky").doesNotContain("secret_condition_text");
    }

    @Test
    void withoutTrustedKeysAnUnsignedBundleIsAdmittedButDigestAndTenantStillCount() throws Exception {
        BundleAdmission anyBundle = new BundleAdmission(List.of(), "t1");
        TestBundle unsigned = bundle().unsigned();

        assertThat(anyBundle.requiresSignatures()).isFalse();
        assertThat(anyBundle.admit(unsigned.candidate())).isInstanceOf(Admission.Admitted.class);
        assertThat(anyBundle.admit(bundle().manifestTenant("t2").unsigned().candidate()))
                .isInstanceOfSatisfying(Admission.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(RefusalReason.TENANT_MISMATCH));
        assertThat(anyBundle.admit(new TestBundle("t1", 3, "sha256:" + "1".repeat(64), unsigned.files(), null)
                .candidate())).isInstanceOfSatisfying(Admission.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(RefusalReason.DIGEST_MISMATCH));
    }
}
