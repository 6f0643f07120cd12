package dev.parapet.app;

import dev.parapet.app.config.Settings;
import dev.parapet.app.demo.DemoCredentials;
import dev.parapet.app.demo.DemoUpstream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parapet serve}: both planes in one process. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the control plane and the gateway in one process.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--demo", description = "Create a demo tenant, API key and admin token, and serve the "
            + "'parapet-echo' model from a built-in upstream.")
    boolean demo;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where data lives (default ./.parapet).")
    Path dataDir;

    @Option(names = "--gateway-port", paramLabel = "PORT", description = "Gateway port (default 8080; 0 = any free port).")
    Integer gatewayPort;

    @Option(names = "--control-port", paramLabel = "PORT", description = "Control plane port (default 8081; 0 = any free port).")
    Integer controlPort;

    @Option(names = "--config", paramLabel = "FILE", description = "A YAML configuration file (see docs/configuration.md).")
    Path config;

    static boolean keepsRunning(String[] args) {
        return args.length > 0 && args[0].equals("serve") && !java.util.Arrays.asList(args).contains("--help")
                && !java.util.Arrays.asList(args).contains("-h");
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        if (!demo) {
            System.err.println("parapet serve: only demo mode is available in this version; run './parapet serve --demo'.");
            System.err.println("(Running the planes separately against external services arrives with the control-plane "
                    + "and policy-distribution work; see docs/architecture.md.)");
            return 2;
        }
        Map<String, String> flags = new HashMap<>();
        if (dataDir != null) {
            flags.put("data_dir", dataDir.toString());
        }
        if (gatewayPort != null) {
            flags.put("gateway.port", gatewayPort.toString());
        }
        if (controlPort != null) {
            flags.put("control.port", controlPort.toString());
        }
        Settings settings;
        try {
            settings = Settings.load(Optional.ofNullable(config), System.getenv(), flags);
        } catch (IllegalArgumentException e) {
            System.err.println("parapet serve: " + e.getMessage());
            return 2;
        }
        out.println("Starting Parapet (demo) with data in " + Path.of(settings.string("data_dir")).toAbsolutePath() + " ...");
        LocalStack stack;
        try {
            stack = LocalStack.startDemo(settings);
        } catch (IllegalArgumentException e) {
            System.err.println("parapet serve: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Shutting down: finishing in-flight requests and delivering events ...");
            stack.close();
            out.println("Parapet stopped.");
            stopped.countDown();
        }, "parapet-shutdown"));
        printBanner(out, stack);
        stopped.await();
        return 0;
    }

    private static void printBanner(PrintStream out, LocalStack stack) {
        DemoCredentials c = stack.credentials();
        out.println();
        out.println("Parapet is running (demo mode).");
        out.println("  gateway        " + c.gatewayUrl() + "   (OpenAI-compatible: " + c.gatewayUrl() + "/v1)");
        out.println("  control plane  " + c.controlUrl());
        out.println("  dashboard      not yet built; the control plane API is at " + c.controlUrl() + "/v1");
        out.println("  demo upstream  " + stack.upstream().baseUrl() + "   (model '" + DemoUpstream.MODEL + "')");
        out.println("  demo API key   " + c.apiKey());
        out.println("  admin token    " + c.adminToken());
        out.println("  credentials    " + stack.dataDir().resolve(DemoCredentials.FILE_NAME));
        out.println();
        out.println("Try it:");
        out.println("  curl -s " + c.gatewayUrl() + "/v1/chat/completions -H 'Authorization: Bearer " + c.apiKey() + "' \\");
        out.println("    -H 'Content-Type: application/json' \\");
        out.println("    -d '{\"model\":\"" + DemoUpstream.MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Mail me at jane@example.com\"}]}'");
        out.println("  curl -s '" + c.controlUrl() + "/v1/events' -H 'Authorization: Bearer " + c.adminToken() + "'");
        out.println();
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }
}
