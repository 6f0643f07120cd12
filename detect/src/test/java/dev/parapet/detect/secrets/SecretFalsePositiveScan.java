package dev.parapet.detect.secrets;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.core.Finding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Counts {@link SecretDetector} findings on corpora without real secrets, printing each finding's
 * rule and location (never more than 40 characters of context) and a total. Arguments:
 * {@code even|odd|all} (which lines of the JSONL files to read: the tuning and the reporting half),
 * then JSONL files with a {@code text} field and directories of source files. Run from the
 * repository root after the commands in {@link SecretDetectorTiming}:
 * <pre>
 * java -cp core/target/classes:detect/target/classes:detect/target/test-classes:$(cat /tmp/detect-cp.txt) \
 *     dev.parapet.detect.secrets.SecretFalsePositiveScan odd ../shared/eval/injection_dev.jsonl \
 *     ../shared/eval/pii_dev.jsonl /usr/lib/python3.11
 * </pre>
 */
final class SecretFalsePositiveScan {

    private static final String SOURCES = ".*\\.(java|md|ya?ml|xml|json|sh|properties|txt|sql|toml|conf|py|js|ts|go|rs|c|h|html)$";

    private SecretFalsePositiveScan() {
    }

    public static void main(String[] args) throws IOException {
        SecretDetector detector = SecretDetector.defaults();
        String half = args[0];
        ObjectMapper json = new ObjectMapper();
        long texts = 0;
        long chars = 0;
        long findings = 0;
        for (int a = 1; a < args.length; a++) {
            Path path = Path.of(args[a]);
            List<String> corpus = new ArrayList<>();
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path file : files.filter(Files::isRegularFile).filter(p -> p.toString().matches(SOURCES)).sorted().toList()) {
                        try {
                            corpus.add(file + "\u0000" + Files.readString(file));
                        } catch (IOException e) {
                            // not UTF-8 text: not part of the corpus
                        }
                    }
                }
            } else {
                List<String> lines = Files.readAllLines(path);
                for (int i = 0; i < lines.size(); i++) {
                    if (half.equals("all") || (i % 2 == 0) == half.equals("even")) {
                        corpus.add(path + ":" + (i + 1) + "\u0000" + json.readTree(lines.get(i)).get("text").asText());
                    }
                }
            }
            for (String entry : corpus) {
                int cut = entry.indexOf('\u0000');
                String text = entry.substring(cut + 1);
                texts++;
                chars += text.length();
                List<Finding> out = new ArrayList<>();
                detector.detect(0, text, out);
                for (Finding f : out) {
                    findings++;
                    System.out.println(f.ruleId() + " " + f.type() + " " + entry.substring(0, cut) + " | "
                            + text.substring(Math.max(0, f.start() - 40), f.start()).replace('\n', ' '));
                }
            }
        }
        System.out.printf("texts=%d chars=%d findings=%d%n", texts, chars, findings);
    }
}
