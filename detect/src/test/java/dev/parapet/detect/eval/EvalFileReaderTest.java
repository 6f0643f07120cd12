package dev.parapet.detect.eval;

import dev.parapet.detect.eval.EvalDataException.Code;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EvalFileReaderTest {

    @TempDir
    Path dir;

    static Path fixture(String name) {
        try {
            return Path.of(EvalFileReaderTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("rows.jsonl"), content);
    }

    @Test
    void tellsTheKindFromTheFirstRow() throws Exception {
        assertThat(EvalFileReader.kindOf(fixture("injection-tiny.jsonl"))).isEqualTo(EvalFileKind.INJECTION);
        assertThat(EvalFileReader.kindOf(fixture("pii-tiny.jsonl"))).isEqualTo(EvalFileKind.PII);
        assertThat(EvalFileReader.kindOf(write("\n\n{\"text\":\"x\",\"spans\":[]}\n{oops"))).isEqualTo(EvalFileKind.PII);
    }

    @Test
    void readsInjectionRowsSkippingBlankLines() throws Exception {
        List<InjectionSample> rows = EvalFileReader.readInjection(fixture("injection-tiny.jsonl"));
        assertThat(rows).hasSize(8);
        assertThat(rows.getFirst().attack()).isTrue();
        assertThat(rows.getFirst().slice()).isEqualTo("direct_injection");
        assertThat(rows.getLast().attack()).isFalse();
    }

    @Test
    void defaultsTheSliceAndIdOfInjectionRows() throws Exception {
        InjectionSample row = EvalFileReader.readInjection(write("{\"text\":\"hello\",\"label\":0}\n")).getFirst();
        assertThat(row.slice()).isEqualTo(InjectionSample.NO_SLICE);
        assertThat(row.id()).isEqualTo("line-1");
    }

    @Test
    void acceptsWindowsLineEndings() throws Exception {
        Path file = write("{\"text\":\"a\",\"label\":1}\r\n{\"text\":\"b\",\"label\":0}\r\n");
        assertThat(EvalFileReader.readInjection(file)).extracting(InjectionSample::text).containsExactly("a", "b");
    }

    @Test
    void readsPiiSpans() throws Exception {
        List<PiiSample> rows = EvalFileReader.readPii(fixture("pii-tiny.jsonl"));
        assertThat(rows).hasSize(5);
        PiiSample card = rows.get(1);
        assertThat(card.spans()).extracting(EntitySpan::type).containsExactly("CREDIT_CARD", "PERSON");
        EntitySpan first = card.spans().getFirst();
        assertThat(card.text().substring(first.start(), first.end())).isEqualTo("4111 1111 1111 1111");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            not_json                | {"text":"a","label":0}~{"text":"b","label":1   | 2 | MALFORMED_JSON | not valid JSON
            trailing_garbage        | {"text":"a","label":0} extra                  | 1 | MALFORMED_JSON | not valid JSON
            array_not_object        | {"text":"a","label":0}~[1,2]                  | 2 | MALFORMED_JSON | one JSON object
            missing_text            | {"text":"a","label":0}~~{"label":1}            | 3 | MISSING_FIELD  | 'text'
            missing_label           | {"text":"a","label":0}~{"text":"b"}           | 2 | MISSING_FIELD  | 'label'
            label_out_of_range      | {"text":"a","label":2}                        | 1 | BAD_VALUE      | 0 or 1
            label_as_string         | {"text":"a","label":"1"}                      | 1 | BAD_VALUE      | 0 or 1
            label_overflowing_int   | {"text":"a","label":4294967297}               | 1 | BAD_VALUE      | 0 or 1
            text_not_string         | {"text":5,"label":1}                          | 1 | BAD_VALUE      | 'text' must be a string
            duplicate_key           | {"text":"a","text":"b","label":1}             | 1 | MALFORMED_JSON | not valid JSON
            """)
    void namesTheLineOfABadInjectionRow(String name, String content, int line, Code code, String says)
            throws IOException {
        Path file = write(content.replace('~', '\n'));
        EvalDataException e = catchThrowableOfType(EvalDataException.class,
                () -> EvalFileReader.readInjection(file));
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.getMessage()).contains(file.toString()).contains("line " + line).contains(says);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            missing_spans          | {"text":"abc"}                                             | MISSING_FIELD | 'spans'
            spans_not_array        | {"text":"abc","spans":{}}                                  | BAD_VALUE     | array
            span_past_text_end     | {"text":"abc","spans":[{"type":"X","start":1,"end":4}]}    | BAD_VALUE     | <= 3
            span_empty             | {"text":"abc","spans":[{"type":"X","start":2,"end":2}]}    | BAD_VALUE     | start < end
            span_negative          | {"text":"abc","spans":[{"type":"X","start":-1,"end":2}]}   | BAD_VALUE     | 0 <= start
            span_without_type      | {"text":"abc","spans":[{"start":0,"end":2}]}               | BAD_VALUE     | 'type'
            span_fractional_offset | {"text":"abc","spans":[{"type":"X","start":0.5,"end":2}]}  | BAD_VALUE     | integers
            """)
    void namesTheLineOfABadPiiRow(String name, String row, Code code, String says) throws IOException {
        Path file = write("{\"text\":\"ok\",\"spans\":[]}\n" + row + "\n");
        EvalDataException e = catchThrowableOfType(EvalDataException.class, () -> EvalFileReader.readPii(file));
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("line 2").contains(says);
    }

    @Test
    void refusesAMissingFile() {
        Path missing = dir.resolve("absent.jsonl");
        EvalDataException e = catchThrowableOfType(EvalDataException.class, () -> EvalFileReader.kindOf(missing));
        assertThat(e.code()).isEqualTo(Code.UNREADABLE);
        assertThat(e.getMessage()).contains("absent.jsonl").contains("no such file");
    }

    @Test
    void refusesAFileThatIsNotUtf8NamingTheLine() throws IOException {
        Path file = dir.resolve("latin1.jsonl");
        Files.write(file, new byte[] {'{', '}', '\n', '{', '"', (byte) 0xE9, '"', '}', '\n'});
        EvalDataException e = catchThrowableOfType(EvalDataException.class, () -> EvalFileReader.readInjection(file));
        assertThat(e.code()).isEqualTo(Code.UNREADABLE);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("line 2").contains("UTF-8");
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        Path file = write("\n  \n");
        assertThat(catchThrowableOfType(EvalDataException.class, () -> EvalFileReader.kindOf(file)).code())
                .isEqualTo(Code.EMPTY);
        assertThat(catchThrowableOfType(EvalDataException.class, () -> EvalFileReader.readPii(file)).code())
                .isEqualTo(Code.EMPTY);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            neither_label_nor_spans | {"text":"a"}
            both_label_and_spans    | {"text":"a","label":1,"spans":[]}
            """)
    void refusesAFirstRowOfUnknownKind(String name, String row) throws IOException {
        Path file = write(row + "\n");
        EvalDataException e = catchThrowableOfType(EvalDataException.class, () -> EvalFileReader.kindOf(file));
        assertThat(e.code()).isEqualTo(Code.UNKNOWN_KIND);
        assertThat(e.line()).isEqualTo(1);
    }
}
