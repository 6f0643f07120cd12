package dev.parapet.detect.eval;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.parapet.detect.eval.EvalDataException.Code;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads evaluation files: UTF-8 JSON Lines, one object per line, blank lines ignored. Every
 * problem is an {@link EvalDataException} naming the line.
 *
 * <p>An injection row needs {@code text} (string) and {@code label} (0 or 1); {@code slice} and
 * {@code id} are optional. A PII row needs {@code text} and {@code spans}, an array of
 * {@code {type, start, end}} with {@code 0 <= start < end <= text length}.
 */
public final class EvalFileReader {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private EvalFileReader() {
    }

    @FunctionalInterface
    private interface RowParser<T> {
        T parse(JsonNode row, int line) throws EvalDataException;
    }

    /**
     * Tells the kind of a file from its first row: {@code label} means injection, {@code spans}
     * means PII.
     */
    public static EvalFileKind kindOf(Path file) throws EvalDataException {
        List<String> lines = lines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return kindOf(file, object(file, i + 1, lines.get(i)), i + 1);
            }
        }
        throw new EvalDataException(Code.EMPTY, file, 0, "the file has no rows");
    }

    /** Reads every row of an injection file. */
    public static List<InjectionSample> readInjection(Path file) throws EvalDataException {
        return readRows(file, (row, line) -> {
            String text = string(file, row, line, "text");
            JsonNode label = required(file, row, line, "label");
            if (!label.canConvertToExactIntegral() || !label.canConvertToInt()
                    || (label.asInt() != 0 && label.asInt() != 1)) {
                throw new EvalDataException(Code.BAD_VALUE, file, line, "field 'label' must be 0 or 1, not " + label);
            }
            String slice = row.hasNonNull("slice") ? string(file, row, line, "slice") : InjectionSample.NO_SLICE;
            return new InjectionSample(id(row, line), text, label.asInt() == 1, slice);
        });
    }

    /** Reads every row of a PII file. */
    public static List<PiiSample> readPii(Path file) throws EvalDataException {
        return readRows(file, (row, line) -> {
            String text = string(file, row, line, "text");
            JsonNode spans = required(file, row, line, "spans");
            if (!spans.isArray()) {
                throw new EvalDataException(Code.BAD_VALUE, file, line, "field 'spans' must be an array");
            }
            List<EntitySpan> gold = new ArrayList<>(spans.size());
            for (int i = 0; i < spans.size(); i++) {
                gold.add(span(file, line, i, spans.get(i), text.length()));
            }
            return new PiiSample(id(row, line), text, gold);
        });
    }

    private static EvalFileKind kindOf(Path file, JsonNode first, int line) throws EvalDataException {
        boolean label = first.has("label");
        boolean spans = first.has("spans");
        if (label == spans) {
            throw new EvalDataException(Code.UNKNOWN_KIND, file, line, label
                    ? "the first row has both 'label' and 'spans'; cannot tell injection from PII"
                    : "the first row has neither 'label' (injection file) nor 'spans' (PII file)");
        }
        return label ? EvalFileKind.INJECTION : EvalFileKind.PII;
    }

    private static <T> List<T> readRows(Path file, RowParser<T> parser) throws EvalDataException {
        List<String> lines = lines(file);
        List<T> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                rows.add(parser.parse(object(file, i + 1, lines.get(i)), i + 1));
            }
        }
        if (rows.isEmpty()) {
            throw new EvalDataException(Code.EMPTY, file, 0, "the file has no rows");
        }
        return rows;
    }

    /** The file's lines, each decoded strictly so that bad UTF-8 is reported on its own line. */
    private static List<String> lines(Path file) throws EvalDataException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            int contentEnd = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            try {
                lines.add(utf8.decode(ByteBuffer.wrap(bytes, start, contentEnd - start)).toString());
            } catch (CharacterCodingException e) {
                throw new EvalDataException(Code.UNREADABLE, file, lines.size() + 1, "not valid UTF-8");
            }
            start = end + 1;
        }
        return lines;
    }

    private static EvalDataException unreadable(Path file, IOException e) {
        String why = switch (e) {
            case NoSuchFileException _ -> "no such file";
            case AccessDeniedException _ -> "permission denied";
            default -> "cannot read the file (" + e.getMessage() + ")";
        };
        return new EvalDataException(Code.UNREADABLE, file, 0, why);
    }

    private static JsonNode object(Path file, int line, String text) throws EvalDataException {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new EvalDataException(Code.MALFORMED_JSON, file, line, "not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new EvalDataException(Code.MALFORMED_JSON, file, line, "expected one JSON object per line");
        }
        return node;
    }

    private static JsonNode required(Path file, JsonNode row, int line, String field) throws EvalDataException {
        JsonNode value = row.get(field);
        if (value == null || value.isNull()) {
            throw new EvalDataException(Code.MISSING_FIELD, file, line, "missing field '" + field + "'");
        }
        return value;
    }

    private static String string(Path file, JsonNode row, int line, String field) throws EvalDataException {
        JsonNode value = required(file, row, line, field);
        if (!value.isTextual()) {
            throw new EvalDataException(Code.BAD_VALUE, file, line, "field '" + field + "' must be a string");
        }
        return value.asText();
    }

    private static String id(JsonNode row, int line) {
        JsonNode id = row.get("id");
        return id != null && id.isValueNode() && !id.isNull() ? id.asText() : "line-" + line;
    }

    private static EntitySpan span(Path file, int line, int index, JsonNode span, int textLength)
            throws EvalDataException {
        String where = "span " + index + ": ";
        if (!span.isObject()) {
            throw new EvalDataException(Code.BAD_VALUE, file, line, where + "must be an object {type, start, end}");
        }
        JsonNode type = span.get("type");
        JsonNode start = span.get("start");
        JsonNode end = span.get("end");
        if (type == null || !type.isTextual() || type.asText().isBlank()) {
            throw new EvalDataException(Code.BAD_VALUE, file, line, where + "'type' must be a non-empty string");
        }
        if (start == null || end == null || !start.canConvertToExactIntegral() || !end.canConvertToExactIntegral()
                || !start.canConvertToInt() || !end.canConvertToInt()) {
            throw new EvalDataException(Code.BAD_VALUE, file, line, where + "'start' and 'end' must be integers");
        }
        int s = start.asInt();
        int e = end.asInt();
        if (s < 0 || e <= s || e > textLength) {
            throw new EvalDataException(Code.BAD_VALUE, file, line, where + "needs 0 <= start < end <= "
                    + textLength + " (the text's length), not " + s + "-" + e);
        }
        return new EntitySpan(type.asText(), s, e);
    }
}
