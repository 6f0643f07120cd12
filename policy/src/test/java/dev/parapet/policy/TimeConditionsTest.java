package dev.parapet.policy;

import dev.parapet.core.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static dev.parapet.policy.Inputs.CHAT;
import static dev.parapet.policy.Inputs.DEVELOPER;
import static org.assertj.core.api.Assertions.assertThat;

/** Conditions over {@code time}, the moment the request was received, read in a time zone. */
class TimeConditionsTest {

    private static final PolicyEngine BUSINESS_HOURS = engine("""
              - id: outside-business-hours
                when: "!(time.getDayOfWeek('Europe/Berlin') in [1, 2, 3, 4, 5]) || time.getHours('Europe/Berlin') < 9 || time.getHours('Europe/Berlin') >= 18"
                action: block
                reason_code: outside_business_hours
            """);

    private static PolicyEngine engine(String rules) {
        try {
            return new PolicyEngine(Inputs.bundle("bundle: {name: t, version: \"1\"}\nrules:\n" + rules));
        } catch (PolicyBundleException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "2026-11-23T08:30:00Z, allow",  // Monday 09:30 in Berlin (UTC+1)
            "2026-11-23T07:59:00Z, block",  // Monday 08:59 in Berlin
            "2026-11-23T16:59:00Z, allow",  // Monday 17:59
            "2026-11-23T17:00:00Z, block",  // Monday 18:00
            "2026-11-22T12:00:00Z, block",  // Sunday
            "2026-07-06T16:30:00Z, block"}) // Monday 18:30 in Berlin in summer (UTC+2)
    void businessHoursAreReadInTheRulesTimeZone(String at, String action) {
        PolicyDecision d = BUSINESS_HOURS.decide(new PolicyInput(DEVELOPER, CHAT, List.of(), 0, null, Instant.parse(at)));
        assertThat(d.action()).isEqualTo(Action.fromWireName(action));
        assertThat(d.degraded()).isFalse();
    }
}
