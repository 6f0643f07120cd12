package dev.parapet.app.policy;

import dev.parapet.policy.BundleFiles;
import dev.parapet.policy.PolicyBundle;
import dev.parapet.policy.PolicyBundleException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code parapet policy init DIR}: writes the bundle shipped with Parapet, with its policy tests,
 * into a directory to start a tenant's bundle from. Refuses a directory that is not empty unless
 * {@code --force}, which overwrites the bundle's files and leaves any others. Exit 0 on success,
 * 1 when a file cannot be written, 2 on a usage error.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Write the default policy bundle, with its policy tests, into DIR.",
            "Then edit it, and check it with: parapet policy test DIR"})
final class PolicyInitCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The bundle directory to create (or an empty one).")
    Path dir;

    @Option(names = "--force", description = "Write into DIR even if it is not empty, overwriting the bundle's files.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                return fail(err, 2, dir + " exists and is not a directory");
            }
            if (!force && Files.isDirectory(dir) && !isEmpty(dir)) {
                return fail(err, 2, dir + " is not empty (use --force to write the bundle's files into it anyway)");
            }
            BundleFiles files = PolicyBundle.defaultFiles();
            for (String name : files.names()) {
                Path target = dir.resolve(name);
                Files.createDirectories(target.getParent());
                Files.write(target, files.bytes(name));
                out.println("wrote " + target);
            }
            String digest = BundleFiles.read(dir).digest();
            out.println("bundle digest " + digest);
            if (!digest.equals(files.digest())) {
                out.println("note: " + dir + " holds other files too, which are part of the bundle and its digest");
            }
            if (Files.exists(dir.resolve(BundleFiles.SIGNATURES_FILE))) {
                out.println("note: " + BundleFiles.SIGNATURES_FILE + " no longer matches the files; sign the bundle again");
            }
            out.println("next: parapet policy test " + dir);
            out.flush();
            return 0;
        } catch (IOException e) {
            return fail(err, 1, "cannot write " + dir + ": " + e.getMessage());
        } catch (PolicyBundleException e) {
            return fail(err, 1, dir + " is not a valid bundle directory after writing: " + e.getMessage());
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static int fail(PrintWriter err, int exit, String message) {
        err.println("parapet policy init: " + message);
        err.flush();
        return exit;
    }
}
