package dev.parapet.app;

import dev.parapet.detect.DetectionEngine;
import dev.parapet.detect.eval.EvalDataException;
import dev.parapet.detect.eval.EvalProgress;
import dev.parapet.detect.eval.EvalReport;
import dev.parapet.detect.eval.Evaluation;
import dev.parapet.detect.eval.JsonReport;
import dev.parapet.detect.eval.TextReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parapet eval}: measures the built-in detectors on a labelled JSONL file and prints the
 * report (see docs/detection-eval.md). Exit 0 on success, 2 on bad arguments or a bad file.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Measure the detectors on a labelled JSONL file.",
            "An injection file has rows {text, label 1/0, slice}; a PII file has rows {text, spans: [{type, start, end}]}; "
                + "the first row tells which. See docs/detection-eval.md."})
final class EvalCommand implements Callable<Integer> {

    /** Files of at least this many texts report progress on stderr, every this many texts. */
    static final int PROGRESS_EVERY = 1_000;

    /** The exit code of a bad argument or file; picocli uses it for usage errors too. */
    static final int BAD_INPUT = 2;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The JSONL file to measure on.")
    Path data;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output format: text (a table, the default) or json.")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("text") && !format.equals("json")) {
            err.println("parapet eval: --format must be text or json, not '" + format + "'");
            err.flush();
            return BAD_INPUT;
        }
        EvalReport report;
        try {
            report = Evaluation.run(data, DetectionEngine.defaults(), progress(err));
        } catch (EvalDataException e) {
            err.println("parapet eval: " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        }
        out.print(format.equals("json") ? JsonReport.render(report) : TextReport.render(report));
        out.flush();
        return 0;
    }

    private static EvalProgress progress(PrintWriter err) {
        return (done, total) -> {
            if (total >= PROGRESS_EVERY && (done % PROGRESS_EVERY == 0 || done == total)) {
                err.println("parapet eval: scanned " + done + " of " + total + " texts");
                err.flush();
            }
        };
    }
}
