package dev.parapet.detect.dlp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkRecognizersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ipv4                      | pii.ip_address     | blocked 203.0.113.77 again               | 203.0.113.77
            ipv4_in_query             | pii.ip_address     | where ip=198.51.100.4;                   | 198.51.100.4
            ipv6_full                 | pii.ip_address     | host 2001:0db8:85a3:0000:0000:8a2e:0370:7334 up | 2001:0db8:85a3:0000:0000:8a2e:0370:7334
            ipv6_compressed           | pii.ip_address     | host 2001:db8::ff00:42:8329 up           | 2001:db8::ff00:42:8329
            ipv6_link_local           | pii.ip_address     | iface fe80::1ff:fe23:4567:890a           | fe80::1ff:fe23:4567:890a
            mac_colons                | pii.mac_address    | mac 00:1A:2B:3C:4D:5E seen               | 00:1A:2B:3C:4D:5E
            mac_dashes                | pii.mac_address    | nic 00-1a-2b-3c-4d-5e                    | 00-1a-2b-3c-4d-5e
            mac_cisco                 | pii.mac_address    | mac 001a.2b3c.4d5e                       | 001a.2b3c.4d5e
            url_credentials           | pii.url_credentials | db postgres://app:s3cr3tPw@db.internal:5432/x | postgres://app:s3cr3tPw@db.internal:5432
            imei_with_context         | pii.imei           | IMEI 490154203237518                     | 490154203237518
            """)
    void findsNetworkAndDeviceIdentifiers(String name, String type, String text, String expected) {
        assertThat(Dlp.found(type, text)).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            octet_over_255            | pii.ip_address     | host 256.1.1.1 down
            five_part_version         | pii.ip_address     | build 1.2.3.4.5 released
            version_prefix            | pii.ip_address     | running v1.2.3.4 now
            time_of_day               | pii.ip_address     | at 12:30:45 sharp
            cpp_scope                 | pii.ip_address     | use std::vector here
            two_double_colons         | pii.ip_address     | 2001::db8::1
            mixed_mac_separators      | pii.mac_address    | 00:1A-2B:3C:4D:5E
            url_password_placeholder  | pii.url_credentials | postgres://app:<password>@db.internal/x
            url_password_stars        | pii.url_credentials | https://u:****@example.com/
            imei_without_context      | pii.imei           | value 490154203237518
            imei_luhn_fails           | pii.imei           | IMEI 490154203237519
            """)
    void rejectsNetworkLookAlikes(String name, String type, String text) {
        assertThat(Dlp.found(type, text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https_url_with_slash      | see https://www.example.com/ now           | https://www.example.com/
            url_with_path_no_trailing_dot | read http://docs.example.org/a/b.html. | http://docs.example.org/a/b.html
            www_host                  | visit www.example.de today                 | www.example.de
            bare_host_common_tld      | hosted on example.com for now              | example.com
            second_level_cc           | shop at Brand-Name.com.br                  | Brand-Name.com.br
            """)
    void findsDomainNamesAndUrls(String name, String text, String expected) {
        assertThat(Dlp.found("pii.domain_name", text)).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            python_file               | run main.py first
            shell_script              | then install.sh
            markdown_file             | see README.md
            member_access             | call config.get twice
            not_a_tld                 | open archive.tar quickly
            domain_of_email           | mail ana@example.com
            decimal_number            | pi is 3.14
            """)
    void rejectsDomainLookAlikes(String name, String text) {
        assertThat(Dlp.found("pii.domain_name", text)).isEmpty();
    }
}
