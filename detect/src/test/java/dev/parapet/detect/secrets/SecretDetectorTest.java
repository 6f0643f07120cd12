package dev.parapet.detect.secrets;

import dev.parapet.core.Finding;
import dev.parapet.core.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.parapet.detect.secrets.FakeTokens.ALNUM;
import static dev.parapet.detect.secrets.FakeTokens.BASE64;
import static dev.parapet.detect.secrets.FakeTokens.HEX;
import static dev.parapet.detect.secrets.FakeTokens.LETTERS;
import static dev.parapet.detect.secrets.FakeTokens.UPPER_DIGITS;
import static dev.parapet.detect.secrets.FakeTokens.URL_SAFE;
import static dev.parapet.detect.secrets.FakeTokens.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class SecretDetectorTest {

    private static final SecretDetector DETECTOR = SecretDetector.defaults();

    private static List<Finding> detect(String text) {
        List<Finding> out = new ArrayList<>();
        DETECTOR.detect(2, text, out);
        return out;
    }

    /** name, text around {@code %s}, the secret put in its place, the expected finding type. */
    static Stream<Arguments> realisticSecrets() {
        String pem = "-----BEGIN OPENSSH PRIVATE KEY-----\n" + random(BASE64, 70, 40) + "\n" + random(BASE64, 70, 41)
                + "\n" + random(BASE64, 30, 42) + "\n-----END OPENSSH PRIVATE KEY-----";
        return Stream.of(
                secret("aws_access_key_id_in_cli_config", "[default]\naws_access_key_id = %s\n", "AKIA" + random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16, 1), "secret.aws_access_key_id"),
                secret("aws_secret_key_in_env_file", "export AWS_SECRET_ACCESS_KEY=%s\n", random(BASE64, 40, 2), "secret.aws_secret_access_key"),
                secret("google_api_key_in_js", "const maps = new Maps({ key: '%s' });", "AIza" + random(URL_SAFE, 35, 3), "secret.google_api_key"),
                secret("azure_storage_key_in_connection_string", "DefaultEndpointsProtocol=https;AccountName=acme01;AccountKey=%s;EndpointSuffix=core.windows.net", random(BASE64, 86, 4) + "==", "secret.azure_storage_account_key"),
                secret("digitalocean_token_in_terraform", "provider \"digitalocean\" { token = \"%s\" }", "dop_v1_" + random(HEX, 64, 5), "secret.digitalocean_pat"),
                secret("github_classic_pat_in_clone_url", "git clone https://%s@github.com/acme/api.git", "ghp_" + random(ALNUM, 36, 6), "secret.github_pat"),
                secret("github_fine_grained_pat", "Use this token: %s (expires in 30 days)", "github_pat_" + random(ALNUM, 22, 7) + "_" + random(ALNUM, 59, 8), "secret.github_fine_grained_pat"),
                secret("gitlab_pat_in_header", "curl --header \"PRIVATE-TOKEN: %s\" https://gitlab.example.com/api/v4/projects", "glpat-" + random(URL_SAFE, 20, 9), "secret.gitlab_pat"),
                secret("circleci_personal_token", "CIRCLE_TOKEN=%s", "CCIPAT_" + random(ALNUM, 22, 10) + "_" + random(HEX, 40, 11), "secret.circleci_personal_token"),
                secret("npm_token_in_npmrc", "//registry.npmjs.org/:_authToken=%s", "npm_" + random(ALNUM, 36, 12), "secret.npm_access_token"),
                secret("openai_project_key_in_python", "client = OpenAI(api_key=\"%s\")", "sk-proj-" + random(URL_SAFE, 156, 13), "secret.openai_project_key"),
                secret("anthropic_key_in_chat", "my key is %s, why do I get 401?", "sk-ant-api03-" + random(URL_SAFE, 93, 14) + "AA", "secret.anthropic_api_key"),
                secret("huggingface_token", "huggingface-cli login --token %s", "hf_" + random(LETTERS, 34, 15), "secret.huggingface_token"),
                secret("groq_key", "GROQ_API_KEY=%s", "gsk_" + random(ALNUM, 52, 16), "secret.groq_api_key"),
                secret("stripe_live_key", "Stripe.apiKey = \"%s\";", "sk_live_" + random(ALNUM, 99, 17), "secret.stripe_secret_key"),
                secret("stripe_restricted_key", "rk: %s", "rk_live_" + random(ALNUM, 24, 18), "secret.stripe_restricted_key"),
                secret("square_access_token", "SQUARE_ACCESS_TOKEN=%s", "EAAA" + random(URL_SAFE, 60, 19), "secret.square_access_token"),
                secret("slack_bot_token", "app = App(token=\"%s\")", "xoxb-" + random("0123456789", 12, 20) + "-" + random("0123456789", 13, 21) + "-" + random(ALNUM, 24, 22), "secret.slack_bot_token"),
                secret("slack_webhook", "POST %s", "https://hooks.slack.com/services/T" + random(UPPER_DIGITS, 10, 23) + "/B" + random(UPPER_DIGITS, 10, 24) + "/" + random(ALNUM, 24, 25), "secret.slack_webhook_url"),
                secret("sendgrid_key", "sg = SendGridAPIClient('%s')", "SG." + random(URL_SAFE, 22, 26) + "." + random(URL_SAFE, 43, 27), "secret.sendgrid_api_key"),
                secret("telegram_bot_token", "bot = Bot(\"%s\")", random("123456789", 10, 28) + ":AA" + random(URL_SAFE, 33, 29), "secret.telegram_bot_token"),
                secret("postgres_password", "DATABASE_URL=postgres://app:%s@db.internal:5432/shop", random(ALNUM, 18, 30), "secret.postgres_url_password"),
                secret("mongodb_srv_password", "mongodb+srv://svc:%s@cluster0.x1y2z.mongodb.net/app", random(ALNUM, 16, 31), "secret.mongodb_url_password"),
                secret("redis_password_without_user", "REDIS_URL=redis://:%s@cache:6379/0", random(ALNUM, 20, 32), "secret.redis_url_password"),
                secret("openssh_private_key_block", "here is my key:\n%s\nthanks", pem, "secret.openssh_private_key"),
                secret("rsa_key_with_legacy_encryption_headers", "%s", "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,"
                        + random(HEX, 32, 38).toUpperCase(java.util.Locale.ROOT) + "\n\n" + random(BASE64, 64, 39) + "\n-----END RSA PRIVATE KEY-----", "secret.rsa_private_key"),
                secret("jwt_in_bearer_header", "Authorization: Bearer %s", "eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJzdWIiOiJhbGljZSJ9." + random(URL_SAFE, 86, 33), "secret.jwt"),
                secret("generic_password_in_yaml", "spring:\n  datasource:\n    password: %s\n", random(ALNUM, 16, 34), "secret.generic_password"),
                secret("generic_api_key_in_json", "{\"service\": \"geo\", \"api_key\": \"%s\"}", random(ALNUM, 32, 35), "secret.generic_api_key"),
                secret("generic_client_secret", "CLIENT_SECRET=%s", random(URL_SAFE, 40, 36), "secret.generic_secret"),
                secret("bearer_opaque_token", "Authorization: Bearer %s", random(ALNUM, 48, 37), "secret.bearer_token"));
    }

    private static Arguments secret(String name, String template, String secret, String type) {
        return Arguments.argumentSet(name, template, secret, type);
    }

    @ParameterizedTest
    @MethodSource("realisticSecrets")
    void reportsExactlyTheSecretNotTheKeyName(String template, String secret, String type) {
        String text = template.formatted(secret);
        int at = text.indexOf(secret);

        assertThat(detect(text)).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(type);
            assertThat(f.family()).isEqualTo("secret");
            assertThat(f.messageIndex()).isEqualTo(2);
            assertThat(f.start()).isEqualTo(at);
            assertThat(f.end()).isEqualTo(at + secret.length());
        });
    }

    /** name, text that must yield no finding. */
    static Stream<Arguments> nearMisses() {
        return Stream.of(
                miss("aws_documented_example_key_id", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE"),
                miss("aws_documented_example_secret", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
                miss("template_placeholder", "OPENAI_API_KEY=your-api-key-here"),
                miss("masked_token", "token: ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
                miss("env_reference", "password: ${DB_PASSWORD}"),
                miss("angle_bracket_placeholder", "postgres://app:<password>@db:5432/shop"),
                miss("well_known_default_password", "amqp://guest:guest@localhost:5672/"),
                miss("github_token_one_char_short", "ghp_" + random(ALNUM, 35, 50)),
                miss("github_token_one_char_long", "ghp_" + random(ALNUM, 37, 51)),
                miss("github_token_wrong_charset", "ghp_" + random(ALNUM, 30, 52) + "-+-+-+"),
                miss("stripe_key_low_entropy", "sk_live_" + "ab".repeat(16)),
                miss("generic_password_without_digits", "password = correcthorsebatterystaple"),
                miss("generic_password_too_short", "password: hunter22"),
                miss("generic_value_is_code", "private_key = crypto.Ed25519PrivateKey.from_bytes(seed)"),
                miss("generic_value_is_uuid", "api_key: 123e4567-e89b-42d3-a456-426614174000"),
                miss("generic_low_entropy_token", "access_token=abcd1234abcd1234abcd1234"),
                miss("git_commit_hashes", "Merge commit 3f2a9c1e8b7d6f5a4c3b2a1908f7e6d5c4b3a291 into main; reverts "
                        + random(HEX, 40, 53) + " and " + random(HEX, 7, 54)),
                miss("sha256_checksum", "sha256sum: " + random(HEX, 64, 55) + "  parapet.tar.gz"),
                miss("uuid_request_id", "request id 123e4567-e89b-42d3-a456-426614174000 failed"),
                miss("jwt_header_without_alg", "eyJ0eXAiOiJmb28ifQ.eyJzdWIiOiJ1In0." + random(URL_SAFE, 43, 56)),
                miss("basic_auth_without_colon", "Authorization: Basic bm90LWNyZWRlbnRpYWxz"),
                miss("pem_public_key", "-----BEGIN PUBLIC KEY-----\n" + random(BASE64, 64, 57) + "\n-----END PUBLIC KEY-----"),
                miss("prose_about_secrets", "Rotate your API key and token every 90 days; never paste a password or private key into chat."));
    }

    private static Arguments miss(String name, String text) {
        return Arguments.argumentSet(name, text);
    }

    @ParameterizedTest
    @MethodSource("nearMisses")
    void reportsNothingForNearMissesAndPlaceholders(String text) {
        assertThat(detect(text)).isEmpty();
    }

    @Test
    void findsEverySecretInOneMessageInOrder() {
        String gh = "ghp_" + random(ALNUM, 36, 60);
        String stripe = "sk_live_" + random(ALNUM, 30, 61);
        String pw = random(ALNUM, 14, 62);
        String text = "token=" + gh + "\nstripe: " + stripe + "\nmysql://root:" + pw + "@10.1.2.3/app";

        assertThat(detect(text)).extracting(f -> text.substring(f.start(), f.end()))
                .containsExactly(gh, stripe, pw);
    }

    @Test
    void aProviderRuleWinsOverTheGenericRuleAroundIt() {
        String key = "sk-proj-" + random(URL_SAFE, 120, 63);

        assertThat(detect("api_key = \"" + key + "\"")).singleElement()
                .satisfies(f -> assertThat(f.type()).isEqualTo("secret.openai_project_key"));
    }

    @Test
    void keywordsMatchRegardlessOfCase() {
        String value = random(BASE64, 40, 64);
        String text = "Aws_Secret_Access_Key: " + value;

        assertThat(detect(text)).singleElement()
                .satisfies(f -> assertThat(text.substring(f.start(), f.end())).isEqualTo(value));
    }

    @Test
    void confidenceRisesWithEntropyAboveTheRulesFloor() {
        String uniform = "password=" + random(BASE64, 64, 65);
        String barelyRandom = "password=" + "a1b2c3d4a1b2c3d4";

        double high = detect(uniform).getFirst().confidence();
        double low = detect(barelyRandom).getFirst().confidence();

        assertThat(high).isGreaterThan(low);
        assertThat(low).isEqualTo(0.6);
    }

    @Test
    void severityFollowsTheKind() {
        assertThat(detect("-----BEGIN RSA PRIVATE KEY-----\n" + random(BASE64, 64, 66) + "\n-----END RSA PRIVATE KEY-----"))
                .extracting(Finding::severity).containsExactly(Severity.CRITICAL);
        assertThat(detect("sk_test_" + random(ALNUM, 30, 67))).extracting(Finding::severity).containsExactly(Severity.MEDIUM);
    }

    @Test
    void leavesEmptyTextAlone() {
        assertThat(detect("")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            repeated_keyword_prefixes | ghp_
            repeated_jwt_headers      | eyJhbGciOi.eyJ
            pem_header_without_end    | -----BEGIN RSA PRIVATE KEY-----
            generic_names             | password=secret=api_key=
            database_urls             | postgres://a:b
            telegram_shapes           | 12345678:AA
            """)
    void staysLinearOnAdversarialRepetition(String name, String unit) {
        String evil = unit.repeat(200_000 / unit.length());
        assertTimeoutPreemptively(Duration.ofSeconds(3), () -> detect(evil));
    }
}
