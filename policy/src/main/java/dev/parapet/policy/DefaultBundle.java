package dev.parapet.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bundle shipped with Parapet, read from the class path: the resource directory
 * {@value #DIRECTORY} and, since a jar cannot be listed, the index {@value #INDEX} naming its
 * files one per line.
 */
final class DefaultBundle {

    static final String DIRECTORY = "default-bundle/";
    static final String INDEX = "default-bundle.files";

    private DefaultBundle() {
    }

    static BundleFiles files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String line : new String(resource(INDEX), StandardCharsets.UTF_8).split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                files.put(name, resource(DIRECTORY + name));
            }
        }
        try {
            return BundleFiles.of(files);
        } catch (PolicyBundleException e) {
            throw new IllegalStateException("the default bundle's files are invalid: " + e.getMessage(), e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = DefaultBundle.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource dev/parapet/policy/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
