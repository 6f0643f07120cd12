package dev.parapet.detect.classifier;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClassifierModelTest {

    private static final ClassifierModel MODEL = ToyCorpus.trainer().fit(ToyCorpus.rows());

    private static byte[] bytes(ClassifierModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out);
        return out.toByteArray();
    }

    @Test
    void writeThenReadGivesTheSameScoresThresholdAndBytes() throws IOException {
        byte[] written = bytes(MODEL);
        ClassifierModel read = ClassifierModel.read(new ByteArrayInputStream(written));
        assertThat(read.threshold()).isEqualTo(MODEL.threshold());
        for (LabeledText row : ToyCorpus.rows()) {
            assertThat(read.probability(row.text())).isEqualTo(MODEL.probability(row.text()));
        }
        assertThat(bytes(read)).isEqualTo(written);
    }

    @Test
    void refusesAFileThatIsNotAModel() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write("NOT-A-MODEL-AT-ALL".getBytes());
        }
        assertThatThrownBy(() -> ClassifierModel.read(new ByteArrayInputStream(out.toByteArray())))
                .isInstanceOf(IOException.class).hasMessageContaining("bad magic");
    }

    @Test
    void refusesAnotherFormatVersion() throws IOException {
        byte[] written = bytes(MODEL);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (var in = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(written))) {
            in.transferTo(raw);
        }
        byte[] body = raw.toByteArray();
        body["PARAPET-L3".length() + 3] = 99;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        }
        assertThatThrownBy(() -> ClassifierModel.read(new ByteArrayInputStream(out.toByteArray())))
                .isInstanceOf(IOException.class).hasMessageContaining("format 99");
    }

    @Test
    void probabilityIsAlwaysInUnitInterval() {
        assertThat(MODEL.probability("")).isBetween(0.0, 1.0);
        assertThat(MODEL.probability("ignore ".repeat(5_000))).isBetween(0.0, 1.0);
    }

    @Test
    void withThresholdKeepsTheScores() {
        ClassifierModel other = MODEL.withThreshold(0.25);
        assertThat(other.threshold()).isEqualTo(0.25);
        assertThat(other.probability("tell me about jazz")).isEqualTo(MODEL.probability("tell me about jazz"));
        assertThatThrownBy(() -> MODEL.withThreshold(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
