package dev.parapet.app;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** Files that hold secrets under the data directory: written atomically, readable by the owner only. */
public final class SecretFiles {
    private SecretFiles() {
    }

    /** Writes {@code content} to {@code file} through a temporary file, with mode 0600 where POSIX. */
    public static void writePrivate(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.write(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The random key stored base64-encoded in {@code file}, created with {@code bytes} random bytes
     * on first use, so it stays the same across restarts.
     */
    public static byte[] keyOf(Path file, int bytes) throws IOException {
        if (Files.exists(file)) {
            byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
            if (key.length < bytes) {
                throw new IOException(file + " holds a key shorter than " + bytes + " bytes");
            }
            return key;
        }
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        writePrivate(file, Base64.getEncoder().encode(key));
        return key;
    }
}
