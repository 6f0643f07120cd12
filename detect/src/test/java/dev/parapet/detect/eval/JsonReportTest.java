package dev.parapet.detect.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class JsonReportTest {

    private static final JsonMapper JSON = new JsonMapper();

    private static List<String> keys(JsonNode node) {
        return node.propertyStream().map(Map.Entry::getKey).toList();
    }

    private static InjectionReport injectionReport() {
        TreeMap<String, ConfusionMatrix> slices = new TreeMap<>(Map.of(
                "benign", new ConfusionMatrix(0, 1, 99, 0),
                "jailbreak", new ConfusionMatrix(3, 0, 0, 1)));
        return new InjectionReport(new ConfusionMatrix(3, 1, 99, 1), 0.87654321, 0.75, slices,
                new LatencySummary(104, 12.345, 250.0));
    }

    @Test
    void injectionReportHasExactlyTheDocumentedKeys() throws Exception {
        JsonNode root = JSON.readTree(JsonReport.render(injectionReport()));

        assertThat(keys(root)).containsExactly("overall", "slices", "latency_us");
        assertThat(keys(root.get("overall"))).containsExactly("n", "tpr", "fpr", "precision", "recall", "f1",
                "balanced_accuracy", "auc", "tpr_at_1pct_fpr");
        assertThat(keys(root.get("slices"))).containsExactly("benign", "jailbreak");
        assertThat(keys(root.get("slices").get("jailbreak"))).containsExactly("n", "tpr", "fpr");
        assertThat(keys(root.get("latency_us"))).containsExactly("p50", "p99");
    }

    @Test
    void injectionValuesAreRoundedFractionsAndUndefinedIsNull() throws Exception {
        JsonNode root = JSON.readTree(JsonReport.render(injectionReport()));

        assertThat(root.at("/overall/n").asLong()).isEqualTo(104);
        assertThat(root.at("/overall/tpr").asDouble()).isEqualTo(0.75);
        assertThat(root.at("/overall/fpr").asDouble()).isEqualTo(0.01);
        assertThat(root.at("/overall/auc").asDouble()).isEqualTo(0.8765);
        assertThat(root.at("/slices/benign/tpr").isNull()).isTrue();
        assertThat(root.at("/slices/jailbreak/fpr").isNull()).isTrue();
        assertThat(root.at("/latency_us/p50").asDouble()).isEqualTo(12.3);
    }

    @Test
    void piiReportHasExactlyTheDocumentedKeysAndListsExcludedTypesApart() throws Exception {
        TreeMap<String, EntityScore> entities = new TreeMap<>(Map.of("EMAIL_ADDRESS", new EntityScore(4, 5, 4)));
        TreeMap<String, EntityScore> excluded = new TreeMap<>(Map.of("PERSON", new EntityScore(7, 0, 0)));
        PiiReport report = new PiiReport(10, new EntityScore(4, 5, 4), entities, excluded);

        JsonNode root = JSON.readTree(JsonReport.render(report));

        assertThat(keys(root)).containsExactly("overall", "entities", "not_in_overall");
        assertThat(keys(root.get("overall"))).containsExactly("precision", "recall", "f2");
        assertThat(keys(root.get("entities").get("EMAIL_ADDRESS"))).containsExactly("n", "precision", "recall", "f2");
        assertThat(keys(root.get("not_in_overall").get("PERSON"))).containsExactly("n", "recall");
        assertThat(root.at("/entities/EMAIL_ADDRESS/precision").asDouble()).isEqualTo(0.8);
        assertThat(root.at("/not_in_overall/PERSON/recall").asDouble()).isZero();
    }
}
