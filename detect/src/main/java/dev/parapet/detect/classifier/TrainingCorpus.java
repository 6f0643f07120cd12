package dev.parapet.detect.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A labelled corpus, sorted by id, with its deterministic split: a row is held out for testing
 * when the first four bytes of SHA-256 of its id, as an unsigned number modulo 100, are below
 * {@value #HELD_OUT_PERCENT}. The split therefore depends on nothing but the id.
 *
 * @param rows the rows, sorted by id, ids unique
 */
public record TrainingCorpus(List<LabeledText> rows) {

    /** The share of rows, in percent, held out for testing. */
    public static final int HELD_OUT_PERCENT = 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    public TrainingCorpus {
        List<LabeledText> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(LabeledText::id));
        Set<String> ids = new HashSet<>();
        for (LabeledText row : sorted) {
            if (!ids.add(row.id())) {
                throw new IllegalArgumentException("duplicate corpus id " + row.id());
            }
        }
        rows = List.copyOf(sorted);
    }

    /**
     * Reads every {@code *.jsonl} file of {@code dir}. Each line is a JSON object with
     * {@code id}, {@code text}, {@code label} (1 = attack, 0 = benign) and optionally
     * {@code slice}; the file name without {@code .jsonl} is the row's source.
     *
     * @throws IOException if a file cannot be read or a line lacks a field; the message names
     *                     the file and line
     */
    public static TrainingCorpus load(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IOException("no *.jsonl files in corpus directory " + dir);
        }
        List<LabeledText> rows = new ArrayList<>();
        for (Path file : files) {
            String source = file.getFileName().toString().replaceFirst("\\.jsonl$", "");
            rows.addAll(readJsonl(file, source));
        }
        return new TrainingCorpus(rows);
    }

    /**
     * Reads one JSON-lines file of labelled texts (the corpus format, which is also the format of
     * {@code injection_dev.jsonl}); a row's {@code source} field, when present, wins over
     * {@code defaultSource}.
     */
    public static List<LabeledText> readJsonl(Path file, String defaultSource) throws IOException {
        List<LabeledText> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(lines.get(i));
            JsonNode id = node.get("id");
            JsonNode text = node.get("text");
            JsonNode label = node.get("label");
            if (id == null || text == null || label == null || !label.canConvertToInt()) {
                throw new IOException(file + ":" + (i + 1) + ": expected fields id, text and label (0 or 1)");
            }
            String slice = node.hasNonNull("slice") ? node.get("slice").asText() : (label.asInt() == 1 ? "attack" : "benign");
            String source = node.hasNonNull("source") ? node.get("source").asText() : defaultSource;
            rows.add(new LabeledText(id.asText(), text.asText(), label.asInt() == 1, source, slice));
        }
        return rows;
    }

    /** Whether {@code id} falls in the held-out part. */
    public static boolean isHeldOut(String id) {
        return bucket(id, "split") < HELD_OUT_PERCENT;
    }

    /** The rows training may use. */
    public List<LabeledText> trainingPart() {
        return rows.stream().filter(r -> !isHeldOut(r.id())).toList();
    }

    /** The rows kept for testing only. */
    public List<LabeledText> heldOutPart() {
        return rows.stream().filter(r -> isHeldOut(r.id())).toList();
    }

    /**
     * The rows of {@code others} that training never saw: neither their id nor their text (lower
     * case, whitespace collapsed) occurs in {@link #trainingPart()}.
     */
    public List<LabeledText> unseen(List<LabeledText> others) {
        Set<String> ids = new HashSet<>();
        Set<String> texts = new HashSet<>();
        for (LabeledText row : trainingPart()) {
            ids.add(row.id());
            texts.add(textKey(row.text()));
        }
        return others.stream().filter(r -> !ids.contains(r.id()) && !texts.contains(textKey(r.text()))).toList();
    }

    private static String textKey(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    /** The sources present, sorted. */
    public List<String> sources() {
        return rows.stream().map(LabeledText::source).distinct().sorted().toList();
    }

    /** A number in [0, 100) that depends only on {@code id} and {@code salt}. */
    static int bucket(String id, String salt) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((salt + ":" + id).getBytes(StandardCharsets.UTF_8));
            long v = ((d[0] & 0xFFL) << 24) | ((d[1] & 0xFFL) << 16) | ((d[2] & 0xFFL) << 8) | (d[3] & 0xFFL);
            return (int) (v % 100);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
