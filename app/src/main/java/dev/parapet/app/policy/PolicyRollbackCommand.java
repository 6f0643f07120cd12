package dev.parapet.app.policy;

import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parapet policy rollback --control-url URL --token TOKEN --version N --reason TEXT}:
 * publishes version N's content again, as a new version re-signed by the control plane. Exit 0
 * when done, 1 when the control plane refuses (unknown version, already current, bad token) or
 * cannot be reached, 2 on bad arguments.
 */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Roll the tenant's policy back to an earlier version's content.",
            "This publishes a new version (history is never rewritten). See docs/control-api.md."})
final class PolicyRollbackCommand extends ControlCommand {

    @Option(names = "--version", required = true, paramLabel = "N", description = "The version whose content to restore.")
    int version;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
    String reason;

    @Override
    String name() {
        return "rollback";
    }

    @Override
    int run(ControlClient client) {
        if (version < 1) {
            return fail(PolicyExit.USAGE, "--version must be a positive version number");
        }
        var body = ControlClient.JSON.createObjectNode().put("version", version).put("reason", reason);
        return finish(client.post("/v1/policy/rollback", body.toString().getBytes(StandardCharsets.UTF_8)),
                ok -> PolicyPublishCommand.published("rolled back to version " + version + " as", ok.body()));
    }
}
