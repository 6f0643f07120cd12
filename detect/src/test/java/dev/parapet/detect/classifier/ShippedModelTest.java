package dev.parapet.detect.classifier;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model file in resources is exactly what {@code parapet train} makes from the shipped corpus:
 * anyone can regenerate and audit it.
 */
class ShippedModelTest {

    /** The shipped corpus, relative to this module's directory (Maven runs tests there). */
    static final Path CORPUS = Path.of("..", "corpus", "injection");

    @Test
    void trainingOnTheShippedCorpusReproducesTheShippedModelBitForBit() throws IOException {
        TrainingCorpus corpus = TrainingCorpus.load(CORPUS);
        ClassifierModel trained = new ClassifierTrainer(ClassifierTrainer.Options.defaults(), s -> { }).train(corpus).model();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        trained.write(out);
        byte[] shipped;
        try (InputStream in = InjectionClassifier.class.getResourceAsStream(InjectionClassifier.MODEL_RESOURCE)) {
            assertThat(in).as("shipped model resource").isNotNull();
            shipped = in.readAllBytes();
        }
        assertThat(out.toByteArray()).isEqualTo(shipped);
    }

    @Test
    void theShippedCorpusHasNoAlpacaRows() throws IOException {
        assertThat(TrainingCorpus.load(CORPUS).sources()).noneMatch(s -> s.contains("alpaca"))
                .contains("parapet-benign", "parapet-attacks");
    }
}
