package dev.parapet.app.policy;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parapet policy diff --control-url URL --token TOKEN FROM TO}: prints what changed
 * between two of the tenant's policy versions — files, rules by id, manifest fields
 * ({@link DiffText}), or the control plane's JSON with {@code --json}. Exit 0 when printed, 1 when
 * the control plane refuses (unknown version, bad token) or cannot be reached, 2 on bad arguments.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show what changed between two policy versions of the tenant: files, rules and manifest fields."})
final class PolicyDiffCommand extends ControlCommand {

    @Parameters(index = "0", paramLabel = "FROM", description = "The older version.")
    int from;

    @Parameters(index = "1", paramLabel = "TO", description = "The newer version.")
    int to;

    @Option(names = "--json", description = "Print the control plane's JSON instead of text.")
    boolean json;

    @Override
    String name() {
        return "diff";
    }

    @Override
    int run(ControlClient client) {
        if (from < 1 || to < 1) {
            return fail(PolicyExit.USAGE, "FROM and TO must be positive version numbers");
        }
        return finish(client.get("/v1/policy/bundles/" + from + "/diff/" + to),
                ok -> json ? ok.body().toPrettyString() + "\n" : DiffText.render(ok.body()));
    }
}
