package dev.parapet.app.policy;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the {@code parapet policy} commands that talk to the control plane share: its URL and an
 * admin token, and the mapping of answers to output and exit codes (0 done, 1 refused by the
 * control plane or unreachable, 2 usage).
 */
abstract class ControlCommand implements Callable<Integer> {

    @Option(names = "--control-url", required = true, paramLabel = "URL",
            description = "The control plane, e.g. http://127.0.0.1:8081.")
    String controlUrl;

    @Option(names = "--token", required = true, paramLabel = "TOKEN", description = "An admin token (pat_…) of the tenant.")
    String token;

    @Spec
    CommandSpec spec;

    /** The command's name in messages, e.g. {@code publish}. */
    abstract String name();

    /** Does the command's work against the control plane; returns the exit code. */
    abstract int run(ControlClient client);

    @Override
    public final Integer call() {
        ControlClient client;
        try {
            client = ControlClient.of(controlUrl, token);
        } catch (IllegalArgumentException e) {
            return fail(PolicyExit.USAGE, e.getMessage());
        }
        return run(client);
    }

    /** Prints the success line(s) for an {@link ControlClient.Answer.Ok}, or the refusal, and returns the exit code. */
    int finish(ControlClient.Answer answer, Function<ControlClient.Answer.Ok, String> success) {
        return switch (answer) {
            case ControlClient.Answer.Ok ok -> {
                PrintWriter out = spec.commandLine().getOut();
                out.print(success.apply(ok));
                out.flush();
                yield PolicyExit.OK;
            }
            case ControlClient.Answer.Refused r -> fail(PolicyExit.REFUSED,
                    "refused by the control plane (" + r.status() + " " + r.code() + "): " + r.detail());
            case ControlClient.Answer.Unreachable u -> fail(PolicyExit.REFUSED, u.message());
        };
    }

    int fail(int exit, String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("parapet policy " + name() + ": " + message);
        err.flush();
        return exit;
    }
}
