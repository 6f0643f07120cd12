package dev.parapet.policy.signing;

import dev.parapet.policy.signing.KeyFileException.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ed25519 keys as PEM text: private keys as unencrypted PKCS#8 ({@code -----BEGIN PRIVATE
 * KEY-----}), public keys as X.509 SubjectPublicKeyInfo ({@code -----BEGIN PUBLIC KEY-----}) — the
 * forms {@code openssl genpkey -algorithm ed25519} and {@code openssl pkey -pubout} write, so keys
 * move freely between Parapet and OpenSSL.
 *
 * <p>Reading takes the first PEM block of the text and refuses, with a {@link KeyFileException}
 * naming the problem, anything else: garbage, keys of other algorithms, encrypted keys, and the
 * wrong half of a pair.
 */
public final class PemKeys {

    /** The largest key file read; an Ed25519 PEM file is about 120 bytes. */
    public static final int MAX_FILE_BYTES = 64 * 1024;

    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END \\1-----");
    private static final Pattern ANY_BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");
    private static final List<String> OTHER_ALGORITHMS = List.of("RSA", "EC", "Ed448", "X25519", "X448", "DSA");

    private PemKeys() {
    }

    /** The private key as a PKCS#8 PEM block. */
    public static String privateKeyPem(SigningKey key) {
        return pem(PRIVATE, key.privateKey().getEncoded());
    }

    /** The public key as an X.509 SubjectPublicKeyInfo PEM block. */
    public static String publicKeyPem(PublicKey key) {
        return pem(PUBLIC, key.getEncoded());
    }

    /** Reads an Ed25519 private key file and derives its public key and key id. */
    public static SigningKey readSigningKey(Path file) throws KeyFileException {
        return signingKey(read(file), file + ": ");
    }

    /** Reads an Ed25519 public key file. */
    public static TrustedKey readTrustedKey(Path file) throws KeyFileException {
        return trustedKey(read(file), file + ": ");
    }

    /** An Ed25519 private key from PEM text, with its public key and key id. */
    public static SigningKey signingKey(String pem) throws KeyFileException {
        return signingKey(pem, "");
    }

    /** An Ed25519 public key from PEM text. */
    public static TrustedKey trustedKey(String pem) throws KeyFileException {
        return trustedKey(pem, "");
    }

    private static SigningKey signingKey(String pem, String where) throws KeyFileException {
        byte[] der = block(pem, PRIVATE, where);
        PrivateKey key = (PrivateKey) decode(new PKCS8EncodedKeySpec(der), where);
        return SigningKey.of(key);
    }

    private static TrustedKey trustedKey(String pem, String where) throws KeyFileException {
        byte[] der = block(pem, PUBLIC, where);
        PublicKey key = (PublicKey) decode(new X509EncodedKeySpec(der), where);
        return TrustedKey.of(key);
    }

    private static byte[] block(String pem, String wanted, String where) throws KeyFileException {
        Matcher m = BLOCK.matcher(pem);
        if (!m.find()) {
            Matcher begin = ANY_BEGIN.matcher(pem);
            throw new KeyFileException(Problem.NOT_A_KEY, where + (begin.find()
                    ? "the PEM block '" + begin.group(1) + "' is not complete or not base64"
                    : "not a PEM file (no -----BEGIN " + wanted + "----- line)"));
        }
        String label = m.group(1);
        if (!label.equals(wanted)) {
            throw wrongLabel(label, wanted, where);
        }
        try {
            return Base64.getDecoder().decode(m.group(2).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(Problem.NOT_A_KEY, where + "the " + label + " block is not valid base64", e);
        }
    }

    private static KeyFileException wrongLabel(String label, String wanted, String where) {
        String expected = "; an Ed25519 " + wanted.toLowerCase(Locale.ROOT) + " is needed";
        if (label.equals(PRIVATE) || label.equals(PUBLIC)) {
            return new KeyFileException(wanted.equals(PRIVATE) ? Problem.PUBLIC_NOT_PRIVATE : Problem.PRIVATE_NOT_PUBLIC,
                    where + "holds a " + label.toLowerCase(Locale.ROOT) + expected);
        }
        if (label.equals("ENCRYPTED PRIVATE KEY")) {
            return new KeyFileException(Problem.ENCRYPTED, where + "holds an encrypted private key; "
                    + "decrypt it first (openssl pkey -in KEY -out PLAIN)");
        }
        for (String algorithm : List.of("RSA", "EC", "DSA")) {
            if (label.startsWith(algorithm + " ")) {
                return new KeyFileException(Problem.NOT_ED25519, where + "holds " + article(algorithm) + " key" + expected);
            }
        }
        return new KeyFileException(Problem.NOT_A_KEY, where + "holds a PEM block '" + label + "'" + expected);
    }

    private static Object decode(KeySpec spec, String where) throws KeyFileException {
        boolean isPrivate = spec instanceof PKCS8EncodedKeySpec;
        try {
            return generate(TrustedKey.ALGORITHM, spec, isPrivate);
        } catch (InvalidKeySpecException notEd25519) {
            for (String algorithm : OTHER_ALGORITHMS) {
                try {
                    generate(algorithm, spec, isPrivate);
                    throw new KeyFileException(Problem.NOT_ED25519, where + "holds " + article(algorithm)
                            + " key; an Ed25519 " + (isPrivate ? "private" : "public") + " key is needed");
                } catch (InvalidKeySpecException notThisEither) {
                    // try the next algorithm
                }
            }
            throw new KeyFileException(Problem.NOT_A_KEY, where + "the " + (isPrivate ? PRIVATE : PUBLIC)
                    + " block does not hold a valid key", notEd25519);
        }
    }

    private static Object generate(String algorithm, KeySpec spec, boolean isPrivate) throws InvalidKeySpecException {
        try {
            KeyFactory factory = KeyFactory.getInstance(algorithm);
            return isPrivate ? factory.generatePrivate(spec) : factory.generatePublic(spec);
        } catch (NoSuchAlgorithmException e) {
            throw new InvalidKeySpecException(algorithm + " not available", e);
        } catch (RuntimeException e) {
            throw new InvalidKeySpecException(e);
        }
    }

    private static String article(String algorithm) {
        return (algorithm.startsWith("D") ? "a " : "an ") + algorithm;
    }

    private static String read(Path file) throws KeyFileException {
        try {
            if (!Files.isRegularFile(file)) {
                throw new KeyFileException(Problem.UNREADABLE, file + ": no such key file");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new KeyFileException(Problem.UNREADABLE, file + ": too large for a key file");
            }
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new KeyFileException(Problem.UNREADABLE, file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
