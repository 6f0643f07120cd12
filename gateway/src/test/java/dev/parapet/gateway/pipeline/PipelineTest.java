package dev.parapet.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineTest {
    private final List<String> trace = new ArrayList<>();

    private Stage tracing(String name) {
        return (ex, chain) -> {
            trace.add(name + ">");
            Outcome o = chain.proceed(ex);
            trace.add("<" + name);
            return o;
        };
    }

    static Exchange exchange() {
        return new Exchange("d1", Instant.now(), System.nanoTime(), "openai", "chat.completions", null, null);
    }

    @Test
    void runsStagesInOrderAndUnwindsInReverse() {
        Pipeline p = new Pipeline(List.of(tracing("a"), tracing("b"), (ex, chain) -> new Outcome.Delivered(200)));

        Outcome outcome = p.run(exchange());

        assertThat(outcome).isEqualTo(new Outcome.Delivered(200));
        assertThat(trace).containsExactly("a>", "b>", "<b", "<a");
    }

    @Test
    void aStageThatRefusesShortCircuitsTheRest() {
        Pipeline p = new Pipeline(List.of(tracing("a"), (ex, chain) -> new Outcome.Refused(401, "t", "c", "m"),
                tracing("never")));

        assertThat(p.run(exchange())).isInstanceOf(Outcome.Refused.class);
        assertThat(trace).containsExactly("a>", "<a");
    }

    @Test
    void callingProceedTwiceIsABug() {
        Pipeline p = new Pipeline(List.of((ex, chain) -> {
            chain.proceed(ex);
            return chain.proceed(ex);
        }, (ex, chain) -> new Outcome.Delivered(200)));

        assertThatThrownBy(() -> p.run(exchange())).isInstanceOf(IllegalStateException.class).hasMessageContaining("twice");
    }

    @Test
    void theLastStageMayNotProceed() {
        Stage proceeds = (ex, chain) -> chain.proceed(ex);
        Pipeline p = new Pipeline(List.of(proceeds));

        assertThatThrownBy(() -> p.run(exchange())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("last stage");
    }
}
