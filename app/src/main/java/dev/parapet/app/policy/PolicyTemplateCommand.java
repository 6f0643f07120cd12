package dev.parapet.app.policy;

import dev.parapet.policy.PolicyBundle;
import dev.parapet.policy.PolicyBundleException;
import dev.parapet.policy.templates.PolicyTemplate;
import dev.parapet.policy.templates.PolicyTemplates;
import dev.parapet.policy.templates.TemplateException;
import dev.parapet.policy.templates.TemplateParameter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parapet policy template}: list, show and add the shipped policy templates. */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = "List, show and add policy templates (model access, DLP, residency, limits, ...).",
        subcommands = {PolicyTemplateCommand.ListTemplates.class, PolicyTemplateCommand.Show.class,
                PolicyTemplateCommand.Add.class, CommandLine.HelpCommand.class})
public final class PolicyTemplateCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code parapet policy template list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the templates.")
    static final class ListTemplates implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (PolicyTemplate t : PolicyTemplates.all()) {
                out.printf("%-28s %s%n", t.name(), t.description());
            }
            return PolicyExit.OK;
        }
    }

    /** {@code parapet policy template show NAME}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a template's parameters.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The template.")
        String name;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PolicyTemplate t;
            try {
                t = PolicyTemplates.find(name);
            } catch (TemplateException e) {
                spec.commandLine().getErr().println("parapet policy template show: " + e.getMessage());
                return PolicyExit.USAGE;
            }
            out.println(t.name() + ": " + t.description());
            out.println("parameters (--param NAME=VALUE):");
            for (TemplateParameter p : t.parameters()) {
                String kind = p.kind() == TemplateParameter.Kind.CHOICE ? String.join("|", p.choices())
                        : p.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
                String need = p.required() ? "required" : p.defaultValue() == null ? "optional" : "default " + p.defaultValue();
                out.printf("  %-22s %-22s %-18s %s%n", p.name(), kind, need, p.description());
            }
            return PolicyExit.OK;
        }
    }

    /** {@code parapet policy template add NAME DIR --param k=v ...}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a template instance to a bundle directory; the bundle is checked afterwards.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "The template.")
        String name;

        @Parameters(index = "1", paramLabel = "DIR", description = "The bundle directory (e.g. from parapet policy init).")
        Path dir;

        @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A parameter; lists are comma-separated.")
        Map<String, String> params = new LinkedHashMap<>();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                PolicyTemplate t = PolicyTemplates.find(name);
                for (String path : PolicyTemplates.apply(t, params, dir)) {
                    out.println("wrote " + dir.resolve(path));
                }
                out.println("bundle digest " + PolicyBundle.load(dir).digest());
                out.println("next: parapet policy test " + dir);
                return PolicyExit.OK;
            } catch (TemplateException e) {
                err.println("parapet policy template add: " + e.getMessage());
                return e.getCause() instanceof PolicyBundleException ? PolicyExit.REFUSED : PolicyExit.USAGE;
            } catch (PolicyBundleException e) {
                err.println("parapet policy template add: " + e.getMessage());
                return PolicyExit.REFUSED;
            }
        }
    }
}
