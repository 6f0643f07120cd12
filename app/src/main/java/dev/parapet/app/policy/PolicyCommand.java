package dev.parapet.app.policy;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code parapet policy}: work with policy bundle directories (its subcommands do the work). */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Create, sign, verify and test policy bundles; publish, diff and roll them back in the control plane.",
        subcommands = {PolicyInitCommand.class, PolicyTestCommand.class, PolicySignCommand.class,
                PolicyVerifyCommand.class, PolicySimulateCommand.class, PolicyTemplateCommand.class,
                PolicyPublishCommand.class, PolicyRollbackCommand.class, PolicyDiffCommand.class,
                CommandLine.HelpCommand.class})
public final class PolicyCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
