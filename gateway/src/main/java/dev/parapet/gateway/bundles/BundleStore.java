package dev.parapet.gateway.bundles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.policy.BundleFiles;
import dev.parapet.policy.PolicyBundleException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Keeps the last good bundle on disk so that a restarted gateway enforces it before it can reach
 * the control plane:
 * <pre>
 * &lt;state dir&gt;/
 *   current.json       {"digest": "sha256:…", "version": 7, "tenant": "t1", "dir": "3f9a…-5c1e…", "saved_at": "…"}
 *   3f9a…-5c1e…/       the bundle's files and its .signatures.json (digest prefix, random suffix)
 * </pre>
 * {@link #save} writes the files into a fresh temporary directory, renames it to a new name, then
 * replaces {@code current.json} by an atomic rename, and only then removes older directories; a
 * crash at any point leaves the previous bundle current. {@link #load} returns the bundle as a {@link BundleCandidate} whose claimed
 * digest is the pointer's, for {@link BundleAdmission} to verify: nothing read from disk is
 * trusted before that. Calls are serialised.
 */
public final class BundleStore {
    private static final String POINTER = "current.json";
    private static final String TEMP_PREFIX = ".incoming-";
    private static final String BUNDLE_DIR = "[0-9a-f]{16}-[0-9a-f]{8}";

    private final Path dir;
    private final JsonMapper json = JsonMapper.builder().build();

    public BundleStore(Path dir) {
        this.dir = dir;
    }

    /** What {@link #load} found. */
    public sealed interface Stored {
        /** No bundle was ever saved here. */
        record Nothing() implements Stored {
        }

        /** A saved bundle, not yet verified. */
        record Found(BundleCandidate candidate) implements Stored {
        }

        /** Something is saved but cannot be read as a bundle. */
        record Unreadable(RefusalReason reason, String detail) implements Stored {
        }
    }

    /**
     * Saves {@code files} and their signatures as the current bundle.
     *
     * @throws IOException when the state directory cannot be written; the previous bundle stays current
     */
    public synchronized void save(BundleFiles files, Optional<byte[]> signatures, OptionalLong controlVersion,
                                  String tenant) throws IOException {
        Files.createDirectories(dir);
        String name = files.digest().substring("sha256:".length(), "sha256:".length() + 16) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        Path target = dir.resolve(name);
        Path temp = dir.resolve(TEMP_PREFIX + UUID.randomUUID());
        Files.createDirectory(temp);
        for (String file : files.names()) {
            Path p = temp.resolve(file);
            Files.createDirectories(p.getParent());
            write(p, files.bytes(file));
        }
        if (signatures.isPresent()) {
            write(temp.resolve(BundleFiles.SIGNATURES_FILE), signatures.get());
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);

        ObjectNode pointer = json.createObjectNode();
        pointer.put("digest", files.digest());
        if (controlVersion.isPresent()) {
            pointer.put("version", controlVersion.getAsLong());
        }
        pointer.put("tenant", tenant);
        pointer.put("dir", name);
        pointer.put("saved_at", Instant.now().toString());
        Path tempPointer = dir.resolve(TEMP_PREFIX + POINTER);
        write(tempPointer, json.writeValueAsBytes(pointer));
        Files.move(tempPointer, dir.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        removeAllBut(name);
    }

    /** The current bundle, if one was saved. Never throws: a damaged store is {@link Stored.Unreadable}. */
    public synchronized Stored load() {
        Path pointerFile = dir.resolve(POINTER);
        if (!Files.exists(pointerFile, LinkOption.NOFOLLOW_LINKS)) {
            return new Stored.Nothing();
        }
        JsonNode pointer;
        try {
            pointer = json.readTree(Files.readAllBytes(pointerFile));
        } catch (IOException e) {
            return new Stored.Unreadable(RefusalReason.INVALID_BUNDLE, POINTER + " is unreadable: " + e.getMessage());
        }
        String name = pointer.path("dir").asText("");
        String digest = pointer.path("digest").asText("");
        if (!name.matches(BUNDLE_DIR) || !digest.startsWith("sha256:")) {
            return new Stored.Unreadable(RefusalReason.INVALID_BUNDLE, POINTER + " does not name a bundle");
        }
        Path bundleDir = dir.resolve(name);
        BundleFiles files;
        try {
            files = BundleFiles.read(bundleDir);
        } catch (PolicyBundleException e) {
            return new Stored.Unreadable(RefusalReason.INVALID_BUNDLE, e.getMessage());
        }
        Optional<byte[]> signatures;
        try {
            Path file = bundleDir.resolve(BundleFiles.SIGNATURES_FILE);
            signatures = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            return new Stored.Unreadable(RefusalReason.MALFORMED_SIGNATURES, "cannot read "
                    + BundleFiles.SIGNATURES_FILE + ": " + e.getMessage());
        }
        OptionalLong version = pointer.path("version").canConvertToLong()
                ? OptionalLong.of(pointer.get("version").asLong()) : OptionalLong.empty();
        Optional<String> tenant = pointer.path("tenant").isTextual()
                ? Optional.of(pointer.get("tenant").asText()) : Optional.empty();
        return new Stored.Found(new BundleCandidate(files, signatures, Optional.of(digest), tenant, version));
    }

    /** Where the bundle files are kept. */
    public Path dir() {
        return dir;
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private void removeAllBut(String keep) throws IOException {
        List<Path> stale;
        try (Stream<Path> entries = Files.list(dir)) {
            stale = entries.filter(p -> {
                String n = p.getFileName().toString();
                return !n.equals(keep) && (n.matches(BUNDLE_DIR) || n.startsWith(TEMP_PREFIX));
            }).toList();
        }
        for (Path p : stale) {
            deleteTree(p);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
