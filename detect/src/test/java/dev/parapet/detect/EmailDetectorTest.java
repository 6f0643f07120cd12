package dev.parapet.detect;

import dev.parapet.core.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class EmailDetectorTest {

    private static List<String> emails(String text) {
        List<Finding> out = new ArrayList<>();
        new EmailDetector().detect(0, text, out);
        return out.stream().map(f -> text.substring(f.start(), f.end())).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            plain                     | write to alice@example.com today          | alice@example.com
            dotted_local_and_subdomain| cc: first.last@mail.corp.example.co.uk    | first.last@mail.corp.example.co.uk
            plus_tag                  | <bob+news@example.org>                    | bob+news@example.org
            sentence_final_dot        | Contact bob@example.com.                  | bob@example.com
            hyphenated_domain         | (ops@my-company.io)                       | ops@my-company.io
            upper_case                | MAIL: JOHN.DOE@EXAMPLE.COM                | JOHN.DOE@EXAMPLE.COM
            """)
    void findsAddresses(String name, String text, String expected) {
        assertThat(emails(text)).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no_tld                   | user@localhost
            handle                   | ping @alice on chat
            numeric_tld              | root@10.0.0.1
            domain_starts_with_dash  | a@-example.com
            bare_at_sign             | meet @ 5pm
            """)
    void ignoresNonAddresses(String name, String text) {
        assertThat(emails(text)).isEmpty();
    }

    @Test
    void findsEveryAddressInOneMessage() {
        assertThat(emails("a@x.io, b@y.io; c@z.io")).containsExactly("a@x.io", "b@y.io", "c@z.io");
    }

    @Test
    void staysFastOnAdversarialInput() {
        String evil = "a".repeat(50_000) + "@" + "b-".repeat(50_000) + "." + "a.".repeat(20_000);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> emails(evil));
    }
}
