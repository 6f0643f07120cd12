package dev.parapet.app.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTemplateCommandTest {

    @TempDir
    Path dir;

    @Test
    void listsAndShowsTemplates() {
        CommandRun list = CommandRun.of("policy", "template", "list");
        CommandRun show = CommandRun.of("policy", "template", "show", "gdpr-residency");
        assertThat(list.exit()).isZero();
        assertThat(list.out().lines()).hasSize(10).anyMatch(l -> l.startsWith("model-access-by-role"));
        assertThat(show.exit()).isZero();
        assertThat(show.out()).contains("eu_models").contains("required").contains("default region");
    }

    @Test
    void addsATemplateToAnInitialisedBundleWhichThenPassesItsTests() throws Exception {
        Path bundle = dir.resolve("b");
        assertThat(CommandRun.of("policy", "init", bundle.toString()).exit()).isZero();

        CommandRun add = CommandRun.of("policy", "template", "add", "model-access-by-role", bundle.toString(),
                "--param", "models=o3,claude-*", "--param", "roles=admin");

        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out()).contains("wrote " + bundle.resolve("rules/50-model-access-by-role.yaml"));
        assertThat(Files.readString(bundle.resolve("rules/50-model-access-by-role.yaml")))
                .contains("request.model in ['o3'] || request.model.startsWith('claude-')")
                .contains("# From template model-access-by-role");
        CommandRun tested = CommandRun.of("policy", "test", bundle.toString());
        assertThat(tested.exit()).isZero();
        assertThat(tested.out()).contains("model-access-by-role"); // listed as not covered by any case yet
    }

    @Test
    void theBundlesOwnTestsCatchATemplateThatChangesTheirDecisions() {
        Path bundle = dir.resolve("b");
        CommandRun.of("policy", "init", bundle.toString());
        // the default tests send gpt-4o as role 'user'
        CommandRun.of("policy", "template", "add", "model-access-by-role", bundle.toString(),
                "--param", "models=gpt-4o", "--param", "roles=admin");

        CommandRun tested = CommandRun.of("policy", "test", bundle.toString());

        assertThat(tested.exit()).isEqualTo(1);
        assertThat(tested.out()).contains("FAIL").contains("model_not_allowed");
    }

    @Test
    void badArgumentsAreUsageErrorsAndLeaveTheBundleAlone() throws Exception {
        Path bundle = dir.resolve("b");
        CommandRun.of("policy", "init", bundle.toString());

        CommandRun missing = CommandRun.of("policy", "template", "add", "gdpr-residency", bundle.toString());
        CommandRun unknown = CommandRun.of("policy", "template", "add", "nope", bundle.toString());

        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("needs parameter 'eu_models'");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(Files.exists(bundle.resolve("rules/50-gdpr-residency.yaml"))).isFalse();
    }
}
