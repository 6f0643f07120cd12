package dev.parapet.app.keys;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code parapet keys}: signing keys on disk (its subcommands do the work). */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Generate and manage signing keys.",
        subcommands = {KeysGenerateCommand.class, CommandLine.HelpCommand.class})
public final class KeysCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
