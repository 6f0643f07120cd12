/**
 * The L3 learned prompt-injection classifier: a hashed-n-gram logistic regression that scores a
 * whole message, written by us, trained reproducibly from the corpus the project ships.
 *
 * <p>{@link dev.parapet.detect.classifier.InjectionClassifier} is the {@code Detector};
 * {@link dev.parapet.detect.classifier.ClassifierTrainer} turns a
 * {@link dev.parapet.detect.classifier.TrainingCorpus} into a
 * {@link dev.parapet.detect.classifier.ClassifierModel} (weights, calibration and threshold in one
 * versioned file) and measures it on rows it never trained on. Feature extraction
 * ({@code FeatureHasher}, {@code ClassifierText}) and the optimiser ({@code LogisticRegression})
 * are package-private. See {@code docs/detection-classifier.md}.
 */
package dev.parapet.detect.classifier;
