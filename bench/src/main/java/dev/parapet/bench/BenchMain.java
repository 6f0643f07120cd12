package dev.parapet.bench;

import java.util.Arrays;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * {@code parapet bench}: {@code load [options]} runs the {@link LoadHarness}; {@code jmh [JMH
 * options] [benchmark regex]} runs the JMH benchmarks packaged in this jar
 * ({@code jmh -h} lists JMH's options, {@code jmh -l} the benchmarks).
 */
public final class BenchMain {
    private static final String USAGE = """
            usage: parapet bench load [--help] [options]   gateway overhead over the direct upstream, as JSON
                   parapet bench jmh [JMH options] [regex]  micro-benchmarks (jmh -l lists them, jmh -h JMH's options)""";

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println(USAGE);
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "load" -> {
                SLF4JBridgeHandler.removeHandlersForRootLogger();
                SLF4JBridgeHandler.install();
                System.exit(LoadHarness.main(rest));
            }
            case "jmh" -> org.openjdk.jmh.Main.main(rest);
            case "-h", "--help", "help" -> System.out.println(USAGE);
            default -> {
                System.err.println("parapet bench: unknown command '" + args[0] + "'\n" + USAGE);
                System.exit(2);
            }
        }
    }
}
