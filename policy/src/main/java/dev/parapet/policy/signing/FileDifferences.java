package dev.parapet.policy.signing;

import dev.parapet.policy.BundleFiles;
import dev.parapet.policy.signing.Verification.Reason;
import dev.parapet.policy.signing.Verification.Refused;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Compares a signature's file list with a bundle's files and words the first difference. */
final class FileDifferences {

    private FileDifferences() {
    }

    /** The refusal naming each file changed, added or removed since {@code signature}, or empty when none is. */
    static Optional<Refused> between(BundleSignature signature, BundleFiles bundle) {
        Map<String, String> signed = signature.files();
        Map<String, String> actual = bundle.fileDigests();
        TreeMap<String, Reason> differences = new TreeMap<>();
        for (Map.Entry<String, String> e : signed.entrySet()) {
            String now = actual.get(e.getKey());
            if (now == null) {
                differences.put(e.getKey(), Reason.FILE_REMOVED);
            } else if (!now.equals(e.getValue())) {
                differences.put(e.getKey(), Reason.FILE_CHANGED);
            }
        }
        for (String path : actual.keySet()) {
            if (!signed.containsKey(path)) {
                differences.put(path, Reason.FILE_ADDED);
            }
        }
        if (differences.isEmpty()) {
            return Optional.empty();
        }
        Map.Entry<String, Reason> first = differences.firstEntry();
        StringBuilder message = new StringBuilder(describe(first.getKey(), first.getValue()))
                .append(" since key ").append(signature.keyId()).append(" signed the bundle");
        if (differences.size() > 1) {
            List<String> others = new ArrayList<>();
            differences.tailMap(first.getKey(), false).forEach((path, reason) -> others.add(describe(path, reason)));
            message.append(" (also: ").append(String.join(", ", others)).append(')');
        }
        return Optional.of(new Refused(first.getValue(), Optional.of(first.getKey()), message.toString()));
    }

    private static String describe(String path, Reason reason) {
        return path + switch (reason) {
            case FILE_CHANGED -> " was changed";
            case FILE_ADDED -> " was added";
            case FILE_REMOVED -> " was removed";
            default -> throw new IllegalArgumentException(reason.name());
        };
    }
}
