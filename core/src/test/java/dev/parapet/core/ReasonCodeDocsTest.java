package dev.parapet.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/reason-codes.md documents exactly the built-in codes. */
class ReasonCodeDocsTest {
    @Test
    void docsTableListsEveryBuiltInCodeAndNoOther() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "reason-codes.md"));
        Matcher row = Pattern.compile("(?m)^\\| `([a-z0-9_]+)` \\|").matcher(doc);
        Set<String> documented = new LinkedHashSet<>();
        while (row.find()) {
            documented.add(row.group(1));
        }

        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ReasonCode.values()).map(ReasonCode::code).toList());
    }

    @Test
    void everyBuiltInCodeIsWellFormed() {
        assertThat(ReasonCode.values()).allSatisfy(rc -> assertThat(ReasonCode.isWellFormed(rc.code())).isTrue());
    }
}
