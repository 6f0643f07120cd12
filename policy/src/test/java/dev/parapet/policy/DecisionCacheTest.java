package dev.parapet.policy;

import dev.parapet.core.Action;
import dev.parapet.core.Finding;
import dev.parapet.core.Interaction;
import dev.parapet.core.Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static dev.parapet.policy.Inputs.CHAT;
import static dev.parapet.policy.Inputs.DEVELOPER;
import static dev.parapet.policy.Inputs.finding;
import static org.assertj.core.api.Assertions.assertThat;

class DecisionCacheTest {

    private static final DecisionCacheSettings ON = new DecisionCacheSettings(1_000, Duration.ofMinutes(1));

    /** Reads findings and risk_band only. */
    private static final String FINDINGS_AND_BAND = """
            bundle: {name: t, version: "1"}
            rules:
              - id: redact-email
                when: "findings.exists(f, f.type == 'pii.email' && f.confidence >= 0.5)"
                action: redact
                redact: [pii.email]
                reason_code: pii_email_redacted
              - id: block-band
                when: "risk_band == 'block'"
                action: block
                reason_code: prompt_injection_detected
            """;

    private static PolicyEngine cached(String yaml) throws PolicyBundleException {
        return new PolicyEngine(Inputs.bundle(yaml), ON);
    }

    private static PolicyInput input(Principal principal, Interaction interaction, int risk, Finding... findings) {
        return new PolicyInput(principal, interaction, List.of(findings), risk);
    }

    @Test
    void theCacheIsOffByDefault() throws PolicyBundleException {
        PolicyEngine engine = new PolicyEngine(Inputs.bundle(FINDINGS_AND_BAND));

        engine.decide(Inputs.input());

        assertThat(engine.cacheStats()).isNull();
        assertThat(new PolicyEngine(Inputs.bundle(FINDINGS_AND_BAND), DecisionCacheSettings.OFF).cacheStats()).isNull();
    }

    @Test
    void theSameInputTwiceIsAHit() throws PolicyBundleException {
        PolicyEngine engine = cached(FINDINGS_AND_BAND);
        PolicyInput in = Inputs.input(finding("pii.email", 0, 5));

        PolicyDecision first = engine.decide(in);
        PolicyDecision second = engine.decide(in);

        assertThat(second).isEqualTo(first);
        assertThat(engine.cacheStats().hitCount()).isEqualTo(1);
        assertThat(engine.cacheStats().missCount()).isEqualTo(1);
    }

    @Test
    void inputsThatDifferOnlyInWhatNoRuleReadsShareAVerdict() throws PolicyBundleException {
        PolicyEngine engine = cached(FINDINGS_AND_BAND);
        Principal other = new Principal("t9", "someone-else", Principal.Kind.AGENT, "admin", Map.of("region", "eu"));
        Interaction otherRequest = new Interaction("anthropic", "messages", "claude-sonnet-4", CHAT.messages(), true, 99_999);

        engine.decide(input(DEVELOPER, CHAT, 10));
        PolicyDecision d = engine.decide(input(other, otherRequest, 20)); // still the low band

        assertThat(d.action()).isEqualTo(Action.ALLOW);
        assertThat(engine.cacheStats().hitCount()).isEqualTo(1);
    }

    @Test
    void inputsThatDifferInWhatARuleReadsMiss() throws PolicyBundleException {
        PolicyEngine engine = cached(FINDINGS_AND_BAND);

        engine.decide(input(DEVELOPER, CHAT, 10, finding("pii.email", 0, 5)));
        PolicyDecision otherType = engine.decide(input(DEVELOPER, CHAT, 10, finding("pii.phone", 0, 5)));
        PolicyDecision otherBand = engine.decide(input(DEVELOPER, CHAT, 90, finding("pii.email", 0, 5)));

        assertThat(otherType.action()).isEqualTo(Action.ALLOW);
        assertThat(otherBand.action()).isEqualTo(Action.BLOCK);
        assertThat(engine.cacheStats().hitCount()).isZero();
        assertThat(engine.cacheStats().missCount()).isEqualTo(3);
    }

    @Test
    void aHitRedactsTheCurrentInputsFindingsNotThoseOfTheRequestCached() throws PolicyBundleException {
        PolicyEngine engine = cached(FINDINGS_AND_BAND);
        Finding earlier = finding("pii.email", 0, 5);
        Finding later = new Finding("pii.email", "pii", "R", earlier.severity(), earlier.confidence(), 1, 40, 57);

        engine.decide(Inputs.input(earlier));
        PolicyDecision d = engine.decide(Inputs.input(later));

        assertThat(engine.cacheStats().hitCount()).isEqualTo(1);
        assertThat(d.redactions()).containsExactly(later);
        assertThat(d).isEqualTo(new PolicyEngine(engine.bundle()).decide(Inputs.input(later)));
    }

    @Test
    void canaryRulesKeyOnThePrincipal() throws PolicyBundleException {
        PolicyEngine engine = cached("""
                bundle: {name: t, version: "1"}
                rules:
                  - id: canary-block
                    when: "risk >= 50"
                    action: block
                    reason_code: custom_rule
                    mode: canary
                    canary_percent: 50
                """);

        for (int i = 0; i < 20; i++) {
            Principal p = new Principal("t1", "u" + i, Principal.Kind.USER, "developer", Map.of());
            assertThat(engine.decide(input(p, CHAT, 60))).isEqualTo(new PolicyEngine(engine.bundle()).decide(input(p, CHAT, 60)));
        }
        assertThat(engine.cacheStats().hitCount()).isZero();
    }

    @Test
    void aRuleReadingTimeIsNotCachedWhenItMustRunButIsWhenItsGuardRulesItOut() throws PolicyBundleException {
        PolicyEngine engine = cached("""
                bundle: {name: t, version: "1"}
                rules:
                  - id: contractor-hours
                    when: "principal.role == 'contractor' && time.getHours('Europe/Berlin') >= 20"
                    action: block
                    reason_code: outside_business_hours
                """);
        Principal contractor = new Principal("t1", "c1", Principal.Kind.USER, "contractor", Map.of());
        PolicyInput evening = new PolicyInput(contractor, CHAT, List.of(), 0, null, Instant.parse("2025-06-02T19:30:00Z"));
        PolicyInput morning = new PolicyInput(contractor, CHAT, List.of(), 0, null, Instant.parse("2025-06-03T07:30:00Z"));

        assertThat(engine.decide(evening).action()).isEqualTo(Action.BLOCK);
        assertThat(engine.decide(morning).action()).isEqualTo(Action.ALLOW);
        assertThat(engine.cacheSize()).isZero();

        engine.decide(Inputs.input());
        engine.decide(Inputs.input());
        assertThat(engine.cacheStats().hitCount()).isEqualTo(1);
    }

    @Test
    void anEngineForAnotherBundleStartsCold() throws PolicyBundleException {
        PolicyEngine first = cached(FINDINGS_AND_BAND);
        first.decide(Inputs.input());

        PolicyEngine swapped = new PolicyEngine(Inputs.bundle(FINDINGS_AND_BAND.replace("'block'", "'hold'")), ON);
        swapped.decide(Inputs.input());

        assertThat(swapped.cacheStats().hitCount()).isZero();
        assertThat(swapped.cacheStats().missCount()).isEqualTo(1);
    }

    @Test
    void verdictsExpireAfterTheirTimeToLive() throws PolicyBundleException {
        AtomicLong nanos = new AtomicLong();
        PolicyEngine engine = new PolicyEngine(Inputs.bundle(FINDINGS_AND_BAND),
                new DecisionCacheSettings(100, Duration.ofSeconds(10)), nanos::get, true);

        engine.decide(Inputs.input());
        nanos.addAndGet(Duration.ofSeconds(9).toNanos());
        engine.decide(Inputs.input());
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        engine.decide(Inputs.input());

        assertThat(engine.cacheStats().hitCount()).isEqualTo(1);
        assertThat(engine.cacheStats().missCount()).isEqualTo(2);
    }

    @Test
    void theCacheHoldsAtMostItsMaximumSize() throws PolicyBundleException {
        PolicyEngine engine = new PolicyEngine(Inputs.bundle("""
                bundle: {name: t, version: "1"}
                rules:
                  - {id: r, when: "risk >= 50 && request.model.startsWith('x')", action: block, reason_code: custom_rule}
                """), new DecisionCacheSettings(10, Duration.ofMinutes(1)));

        for (int risk = 0; risk <= 100; risk++) {
            engine.decide(Inputs.withRisk(risk));
        }

        assertThat(engine.cacheSize()).isLessThanOrEqualTo(10);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14})
    void cachedDecisionsEqualUncachedOnesOverRandomRulesAndInputs(long seed) throws PolicyBundleException {
        RandomPolicies random = new RandomPolicies(seed);
        PolicyBundle bundle = random.bundle(30, seed % 2 == 0 ? "fail_closed" : "fail_open", false);
        assertCachedEqualsUncached(bundle, random);
    }

    @Test
    void cachedDecisionsEqualUncachedOnesForTheDefaultAndFiftyRuleBundles() throws PolicyBundleException {
        RandomPolicies random = new RandomPolicies(21);
        assertCachedEqualsUncached(PolicyBundle.defaults(), random);
        assertCachedEqualsUncached(RandomPolicies.fiftyRules(), random);
    }

    /** Inputs from a pool and variants of them, so that many share a key: all decide as without a cache. */
    private static void assertCachedEqualsUncached(PolicyBundle bundle, RandomPolicies random) {
        PolicyEngine cached = new PolicyEngine(bundle, ON);
        PolicyEngine plain = new PolicyEngine(bundle, false);
        List<PolicyInput> pool = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            pool.add(random.input());
        }
        Random pick = new Random(bundle.digest().hashCode());
        for (int i = 0; i < 3_000; i++) {
            PolicyInput in = pool.get(pick.nextInt(pool.size()));
            if (pick.nextBoolean()) {
                in = random.variant(in);
            }
            assertThat(cached.decide(in)).as("%s, input %s", bundle, in).isEqualTo(plain.decide(in));
        }
        assertThat(cached.cacheStats().hitCount()).as("hits for %s", bundle).isGreaterThan(500);
    }
}
