package dev.parapet.detect.scan;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.BitSet;
import java.util.HashMap;

import static org.assertj.core.api.Assertions.assertThat;

class RegexStartTest {

    private static String firstChars(String regex) {
        BitSet set = RegexStart.of(regex, new HashMap<>());
        if (set == null) {
            return "any";
        }
        StringBuilder sb = new StringBuilder();
        set.stream().forEach(c -> sb.append((char) c));
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            leading_literal_both_cases   ; \\b(?:ignore)\\b[^.]{0,50}?rules      ; Ii
            alternation                  ; (?:set\\s+aside|put\\s+aside)         ; PSps
            optional_prefix_looked_past  ; (?:the\\s+)?ai                        ; ATat
            lookaround_looked_through    ; (?<![a-z])(?=x)xy                    ; Xx
            class                        ; [0-3]x                               ; 0123
            dot_means_anything           ; .x                                   ; any
            can_be_empty                 ; x?                                   ; any
            back_reference               ; (a)\\1                               ; any
            """)
    void knowsWhatAMatchCanBeginWith(String name, String regex, String expected) {
        assertThat(firstChars(regex)).isEqualTo(expected);
    }
}
