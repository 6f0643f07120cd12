package dev.parapet.app;

import dev.parapet.app.keys.KeysCommand;
import dev.parapet.app.policy.PolicyCommand;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code parapet} command. */
@Command(name = "parapet", mixinStandardHelpOptions = true, version = "parapet 0.1.0",
        description = "Open-source AI security gateway and governance control plane.",
        subcommands = {ServeCommand.class, EvalCommand.class, TrainCommand.class, CalibrateCommand.class, PolicyCommand.class, KeysCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        int exit = new CommandLine(new Main()).execute(args);
        if (exit != 0 || !ServeCommand.keepsRunning(args)) {
            System.exit(exit);
        }
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
