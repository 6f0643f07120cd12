package dev.parapet.gateway.pipeline;

import java.util.List;

/**
 * An ordered, immutable list of stages. {@link #run} walks it with a cursor that checks each
 * stage calls {@code proceed} at most once, and that the last stage does not call it at all.
 */
public final class Pipeline {
    private final List<Stage> stages;

    public Pipeline(List<Stage> stages) {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a pipeline needs at least one stage");
        }
        this.stages = List.copyOf(stages);
    }

    public Outcome run(Exchange exchange) {
        return new Cursor(0).proceed(exchange);
    }

    /** The stage classes in order, for logs and tests. */
    public List<String> stageNames() {
        return stages.stream().map(s -> s.getClass().getSimpleName()).toList();
    }

    private final class Cursor implements Stage.Chain {
        private final int index;
        private boolean called;

        Cursor(int index) {
            this.index = index;
        }

        @Override
        public Outcome proceed(Exchange exchange) {
            if (index >= stages.size()) {
                throw new IllegalStateException("the last stage " + stages.getLast().getClass().getSimpleName()
                        + " called proceed()");
            }
            if (called) {
                throw new IllegalStateException("stage " + stages.get(index - 1).getClass().getSimpleName()
                        + " called proceed() twice");
            }
            called = true;
            Outcome outcome = stages.get(index).handle(exchange, new Cursor(index + 1));
            if (outcome == null) {
                throw new IllegalStateException("stage " + stages.get(index).getClass().getSimpleName() + " returned null");
            }
            return outcome;
        }
    }
}
