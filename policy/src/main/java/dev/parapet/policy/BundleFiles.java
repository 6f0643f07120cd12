package dev.parapet.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of a bundle directory and their digests: what is signed, distributed and named by
 * the bundle digest.
 *
 * <p>A bundle is every regular file under its directory, at any depth, except the signature file
 * {@value #SIGNATURES_FILE} at its top. Paths are relative, with {@code /} separators, and sorted
 * by their UTF-8 bytes. The <em>canonical manifest</em> is one line per file,
 * {@code <lower-case hex SHA-256> <space> <path> <LF>}, in that order; the bundle digest is
 * {@code sha256:} and the hex SHA-256 of the canonical manifest. Two bundles have the same digest
 * exactly when they hold the same paths with the same bytes.
 *
 * <p>Symbolic links, paths that are not plain ASCII names ({@code [A-Za-z0-9._-]} segments, none
 * starting with a dot except the signature file) and empty bundles are refused, so that what is
 * verified is what is loaded on every file system. Instances are immutable.
 */
public final class BundleFiles {

    /** The file holding a bundle's signatures; not part of the signed content. */
    public static final String SIGNATURES_FILE = ".signatures.json";

    /** The most files a bundle may hold. */
    public static final int MAX_FILES = 1_000;

    /** The most bytes all files of a bundle may hold together. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private final TreeMap<String, byte[]> contents;
    private final TreeMap<String, String> digests;
    private final byte[] manifest;
    private final String digest;

    private BundleFiles(TreeMap<String, byte[]> contents) {
        this.contents = contents;
        this.digests = new TreeMap<>();
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, byte[]> e : contents.entrySet()) {
            String hex = HexFormat.of().formatHex(sha256(e.getValue()));
            digests.put(e.getKey(), hex);
            lines.append(hex).append(' ').append(e.getKey()).append('\n');
        }
        this.manifest = lines.toString().getBytes(StandardCharsets.UTF_8);
        this.digest = "sha256:" + HexFormat.of().formatHex(sha256(manifest));
    }

    /**
     * Reads a bundle directory.
     *
     * @throws PolicyBundleException when the directory is missing or empty, holds a symbolic link
     *                               or a file with a disallowed name, or is larger than
     *                               {@value #MAX_FILES} files / {@link #MAX_BYTES} bytes
     */
    public static BundleFiles read(Path dir) throws PolicyBundleException {
        Objects.requireNonNull(dir, "dir");
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new PolicyBundleException(null, "not a bundle directory: " + dir);
        }
        TreeMap<String, byte[]> contents = new TreeMap<>(BundleFiles::compareUtf8);
        long total = 0;
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(p -> !p.equals(dir)).forEach(paths::add);
        } catch (IOException e) {
            throw new PolicyBundleException(null, "cannot read bundle directory " + dir + ": " + e.getMessage(), e);
        }
        for (Path p : paths) {
            String name = relativeName(dir, p);
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                throw new PolicyBundleException(null, "cannot read " + name + ": " + e.getMessage(), e);
            }
            if (attrs.isSymbolicLink()) {
                throw new PolicyBundleException(null, "bundle holds a symbolic link: " + name);
            }
            if (attrs.isDirectory() || name.equals(SIGNATURES_FILE)) {
                continue;
            }
            if (!attrs.isRegularFile()) {
                throw new PolicyBundleException(null, "bundle holds something that is not a file: " + name);
            }
            total += attrs.size();
            if (contents.size() >= MAX_FILES || total > MAX_BYTES) {
                throw new PolicyBundleException(null, "bundle is too large (limits: " + MAX_FILES + " files, "
                        + MAX_BYTES + " bytes)");
            }
            try {
                contents.put(name, Files.readAllBytes(p));
            } catch (IOException e) {
                throw new PolicyBundleException(null, "cannot read " + name + ": " + e.getMessage(), e);
            }
        }
        return of(contents);
    }

    /**
     * A bundle from file contents keyed by relative path, e.g. as received over the wire. The
     * signature file, if present among them, is left out.
     *
     * @throws PolicyBundleException on an empty bundle, a disallowed name or too many bytes
     */
    public static BundleFiles of(Map<String, byte[]> files) throws PolicyBundleException {
        TreeMap<String, byte[]> contents = new TreeMap<>(BundleFiles::compareUtf8);
        long total = 0;
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            String name = e.getKey();
            if (name.equals(SIGNATURES_FILE)) {
                continue;
            }
            checkName(name);
            total += e.getValue().length;
            contents.put(name, e.getValue().clone());
        }
        if (contents.isEmpty()) {
            throw new PolicyBundleException(null, "bundle has no files");
        }
        if (contents.size() > MAX_FILES || total > MAX_BYTES) {
            throw new PolicyBundleException(null, "bundle is too large (limits: " + MAX_FILES + " files, "
                    + MAX_BYTES + " bytes)");
        }
        return new BundleFiles(contents);
    }

    /** The relative paths, sorted. */
    public List<String> names() {
        return List.copyOf(contents.keySet());
    }

    /** Whether the bundle holds {@code name}. */
    public boolean contains(String name) {
        return contents.containsKey(name);
    }

    /** A copy of the bytes of {@code name}, or null when the bundle has no such file. */
    public byte[] bytes(String name) {
        byte[] b = contents.get(name);
        return b == null ? null : b.clone();
    }

    /** Lower-case hex SHA-256 of each file, by path, sorted. */
    public Map<String, String> fileDigests() {
        return Collections.unmodifiableMap(digests);
    }

    /** A copy of the canonical manifest: the bytes that signatures cover. */
    public byte[] canonicalManifest() {
        return manifest.clone();
    }

    /** {@code sha256:} and the hex SHA-256 of the canonical manifest. */
    public String digest() {
        return digest;
    }

    private static String relativeName(Path dir, Path p) throws PolicyBundleException {
        List<String> segments = new ArrayList<>();
        for (Path segment : dir.relativize(p)) {
            segments.add(segment.toString());
        }
        String name = String.join("/", segments);
        if (!name.equals(SIGNATURES_FILE)) {
            checkName(name);
        }
        return name;
    }

    /**
     * Whether a bundle may hold a file at {@code name}: {@code /}-separated segments of letters,
     * digits, {@code .}, {@code _} and {@code -}, none starting with a dot.
     */
    public static boolean isAllowedName(String name) {
        for (String segment : name.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                return false;
            }
        }
        return true;
    }

    private static void checkName(String name) throws PolicyBundleException {
        if (!isAllowedName(name)) {
            throw new PolicyBundleException(null, "bundle path '" + name
                    + "' is not allowed (segments of letters, digits, '.', '_' and '-', not starting with '.')");
        }
    }

    private static int compareUtf8(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
