package dev.parapet.detect.heuristics;

import java.util.List;

/** The text features of {@link HeuristicDetector}, each one linear pass over words or characters. */
final class TextFeatures {

    /**
     * Verbs that open an instruction to a model rather than a task about the world. Generic task
     * verbs ("tell", "answer", "output", "imagine", "write", "describe") open too many ordinary
     * requests: on the tuning rows they caused most of the benign hits.
     */
    private static final PhraseSet IMPERATIVES = new PhraseSet(List.of(
            "ignore", "disregard", "forget", "override", "bypass", "skip", "abandon", "drop", "discard",
            "pretend", "act", "roleplay", "simulate", "become", "behave", "obey", "comply",
            "reveal", "disclose", "expose", "leak", "print", "repeat", "recite", "spell", "echo",
            "show", "say", "respond", "reply", "stop", "remember", "never", "always",
            "only", "enable", "activate", "unlock", "jailbreak", "start", "begin", "continue", "include"));
    /** Words that may precede the verb of an instruction: "please ignore", "now tell". */
    private static final PhraseSet FILLERS = new PhraseSet(List.of(
            "please", "now", "then", "and", "so", "just", "also", "instead", "first", "next", "finally", "but"));
    /** "You" followed by these addresses the model: "you must", "you are". */
    private static final PhraseSet ADDRESSES = new PhraseSet(List.of(
            "you must", "you will", "you shall", "you should", "you are", "you have to", "you need to",
            "you can", "you may", "you do", "you don", "your task", "your new", "your job", "your role",
            "your goal", "your purpose", "your only", "your instructions", "your answer", "your response"));

    private static final PhraseSet ROLE_PHRASES = new PhraseSet(List.of(
            "you are now", "from now on you", "from now on, you", "act as", "acting as", "pretend to be",
            "you will now", "developer mode", "new persona", "stay in character", "roleplay as",
            "simulate a", "as an unrestricted", "jailbroken"));
    private static final PhraseSet ROLE_LABELS = new PhraseSet(List.of(
            "system", "assistant", "developer", "instruction", "instructions", "sys", "inst", "admin"));

    private static final PhraseSet REFERENCES = new PhraseSet(List.of(
            "system prompt", "system message", "system instructions", "system instruction", "initial prompt",
            "original prompt", "initial instructions", "original instructions", "hidden instructions",
            "secret instructions", "your instructions", "your prompt", "your rules", "your guidelines",
            "your programming", "your directives", "your configuration", "previous instructions",
            "prior instructions", "earlier instructions", "above instructions", "preceding instructions",
            "instructions above", "all instructions", "the instructions you", "instructions you were given",
            "previous context", "prior context", "previous conversation", "previous messages", "everything above",
            "text above", "words above", "the above", "preprompt", "pre prompt", "prompt above",
            "previous prompt", "prior prompt", "previous directions", "previous tasks", "pre instructions",
            "developer message", "hidden prompt", "secret prompt", "context window"));

    private TextFeatures() {
    }

    static void instructions(Words words, Features.Builder b) {
        for (int i = 0; i < words.count; i++) {
            if (!words.sentenceStarts[i]) {
                continue;
            }
            b.sentences++;
            int k = i;
            while (k < words.count && k < i + 2 && FILLERS.containsWord(words.hashes[k])) {
                k++;
            }
            if (k < words.count && (IMPERATIVES.containsWord(words.hashes[k]) || ADDRESSES.matchAt(words, k) > 0)) {
                b.instructions++;
            }
        }
    }

    static void roleMarkers(String text, Words words, Features.Builder b) {
        for (int i = 0; i < words.count; i++) {
            int n = ROLE_PHRASES.matchAt(words, i);
            if (n > 0) {
                b.roleMarker(words.starts[i], words.ends[i + n - 1]);
                i += n - 1;
            } else if (ROLE_LABELS.containsWord(words.hashes[i]) && isLabel(text, words.starts[i], words.ends[i])) {
                b.roleMarker(words.starts[i], words.ends[i]);
            }
        }
        templateTokens(text, "<|", "|>", b);
        templateTokens(text, "<<SYS>>", "", b);
        templateTokens(text, "[INST]", "", b);
    }

    /**
     * A role label stands alone at the start of a line (after markup such as {@code ###},
     * {@code **}, {@code [}) and is followed by a colon, or heads a markdown section.
     */
    private static boolean isLabel(String text, int start, int end) {
        int p = start - 1;
        boolean header = false;
        while (p >= 0 && text.charAt(p) != '\n') {
            char c = text.charAt(p);
            if (c == '#') {
                header = true;
            } else if (c != ' ' && c != '*' && c != '[' && c != '<' && c != '>' && c != '-' && c != '|' && c != '\t') {
                return false;
            }
            p--;
        }
        int q = end;
        while (q < text.length() && (text.charAt(q) == ' ' || text.charAt(q) == '*' || text.charAt(q) == ']'
                || text.charAt(q) == '>' || text.charAt(q) == '|')) {
            q++;
        }
        if (q < text.length() && text.charAt(q) == ':') {
            return true;
        }
        return header && (q == text.length() || text.charAt(q) == '\n');
    }

    private static void templateTokens(String text, String open, String close, Features.Builder b) {
        int from = 0;
        while (true) {
            int at = text.indexOf(open, from);
            if (at < 0) {
                return;
            }
            int end = at + open.length();
            if (!close.isEmpty()) {
                int c = text.indexOf(close, end);
                if (c < 0 || c - end > 24) {
                    from = end;
                    continue;
                }
                end = c + close.length();
            }
            b.roleMarker(at, end);
            from = end;
        }
    }

    static void references(Words words, Features.Builder b) {
        for (int i = 0; i < words.count; i++) {
            int n = REFERENCES.matchAt(words, i);
            if (n > 0) {
                b.reference(words.starts[i], words.ends[i + n - 1]);
                i += n - 1;
            }
        }
    }

    /**
     * Runs of at least 20 characters of the base64 alphabet ({@code A-Z a-z 0-9 + / = _ -}) mixing
     * at least two of upper case, lower case and digits, and runs of at least 16 hex digits with a
     * digit in them.
     */
    static void encoded(String text, Features.Builder b) {
        int nonSpace = 0;
        int encoded = 0;
        int i = 0;
        int len = text.length();
        while (i < len) {
            char c = text.charAt(i);
            if (base64Class(c) == OTHER) {
                if (c > ' ' && (c < 128 || !Character.isWhitespace(c))) {
                    nonSpace++;
                }
                i++;
                continue;
            }
            int start = i;
            boolean upper = false;
            boolean lower = false;
            boolean digit = false;
            boolean hexOnly = true;
            int cls;
            while (i < len && (cls = base64Class(text.charAt(i))) != OTHER) {
                char d = text.charAt(i);
                upper |= cls == UPPER;
                lower |= cls == LOWER;
                digit |= cls == DIGIT;
                hexOnly &= cls == DIGIT || (d >= 'a' && d <= 'f') || (d >= 'A' && d <= 'F');
                i++;
            }
            int runLength = i - start;
            nonSpace += runLength;
            int classes = (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0);
            if ((runLength >= 20 && classes >= 2) || (runLength >= 16 && hexOnly && digit)) {
                encoded += runLength;
                b.encodedStart = b.encodedStart < 0 ? start : b.encodedStart;
                b.encodedEnd = i;
            }
        }
        b.encodedRatio = nonSpace == 0 ? 0 : (double) encoded / nonSpace;
    }

    private static final byte OTHER = 0;
    private static final byte UPPER = 1;
    private static final byte LOWER = 2;
    private static final byte DIGIT = 3;
    private static final byte SYMBOL = 4;
    private static final byte[] BASE64_CLASS = new byte[128];

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            BASE64_CLASS[c] = UPPER;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            BASE64_CLASS[c] = LOWER;
        }
        for (char c = '0'; c <= '9'; c++) {
            BASE64_CLASS[c] = DIGIT;
        }
        for (char c : "+/=_-".toCharArray()) {
            BASE64_CLASS[c] = SYMBOL;
        }
    }

    private static int base64Class(char c) {
        return c < 128 ? BASE64_CLASS[c] : OTHER;
    }

    /**
     * Invisible format characters (zero-width spaces, bidi controls, tag characters, soft hyphens,
     * ...) and the supplementary variation selectors used to smuggle bytes; the zero-width joiner
     * and the emoji variation selectors are left out, being common in emoji.
     */
    static void invisible(String text, Features.Builder b) {
        int codePoints = 0;
        int invisible = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            codePoints++;
            boolean hidden = cp >= 0xAD && (Character.getType(cp) == Character.FORMAT && cp != 0x200D)
                    || (cp >= 0xE0100 && cp <= 0xE01EF);
            if (hidden) {
                invisible++;
                b.invisibleStart = b.invisibleStart < 0 ? i : b.invisibleStart;
                b.invisibleEnd = next;
            }
            i = next;
        }
        b.invisibleRatio = codePoints == 0 ? 0 : (double) invisible / codePoints;
    }
}
