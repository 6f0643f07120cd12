package dev.parapet.app.policy;

import dev.parapet.policy.BundleFiles;
import dev.parapet.policy.PolicyBundle;
import dev.parapet.policy.PolicyBundleException;
import dev.parapet.policy.testing.JsonReport;
import dev.parapet.policy.testing.PolicyTestCase;
import dev.parapet.policy.testing.PolicyTestParser;
import dev.parapet.policy.testing.PolicyTestReport;
import dev.parapet.policy.testing.PolicyTestRunner;
import dev.parapet.policy.testing.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code parapet policy test DIR}: loads a bundle directory, runs the cases of its
 * {@code tests/*.yaml} and prints failures with their rule trace, then the counts and the rule
 * coverage (see docs/policy-language.md). Exit 0 when every case passes, 1 when one fails, 2 when
 * the bundle or a test file is invalid or the arguments are wrong.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run a policy bundle's tests (tests/*.yaml) and report failures and rule coverage.",
            "Exit 0 when every case passes, 1 when one fails, 2 when the bundle or a test file is invalid."})
final class PolicyTestCommand implements Callable<Integer> {

    static final int FAILED = 1;
    static final int INVALID = 2;

    @Parameters(paramLabel = "DIR", description = "The bundle directory.")
    Path dir;

    @Option(names = {"-v", "--verbose"}, description = "List passing cases too.")
    boolean verbose;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output format: text (the default) or json (every case, with its trace).")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("text") && !format.equals("json")) {
            err.println("parapet policy test: --format must be text or json, not '" + format + "'");
            err.flush();
            return INVALID;
        }
        PolicyBundle bundle;
        List<PolicyTestCase> cases;
        try {
            BundleFiles files = BundleFiles.read(dir);
            bundle = PolicyBundle.fromFiles(files);
            cases = PolicyTestParser.parse(files, bundle.manifest().tenant());
        } catch (PolicyBundleException e) {
            err.println("parapet policy test: " + dir + ": " + e.getMessage());
            err.flush();
            return INVALID;
        }
        PolicyTestReport report = PolicyTestRunner.run(bundle, cases);
        out.print(format.equals("json") ? JsonReport.render(report) : TextReport.render(report, verbose));
        out.flush();
        return report.allPassed() ? 0 : FAILED;
    }
}
