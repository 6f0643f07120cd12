package dev.parapet.detect.eval;

/** What an evaluation file measures, told from its first row. */
public enum EvalFileKind {
    /** Rows {@code {text, label, slice}}: label 1 is an attack, 0 benign. */
    INJECTION,
    /** Rows {@code {text, spans: [{type, start, end}]}}: gold entity spans, end exclusive. */
    PII
}
