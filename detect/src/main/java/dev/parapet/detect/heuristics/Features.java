package dev.parapet.detect.heuristics;

/** The feature values of one text, with the span of the evidence for each located feature. */
record Features(int sentences, int instructions, double instructionDensity,
                int roleMarkers, int roleStart, int roleEnd,
                int references, int referenceStart, int referenceEnd,
                double encodedRatio, int encodedStart, int encodedEnd,
                double invisibleRatio, int invisibleStart, int invisibleEnd,
                double similarity, String nearestExemplar) {

    static final class Builder {
        int sentences;
        int instructions;
        int roleMarkers;
        int roleStart = -1;
        int roleEnd;
        int references;
        int referenceStart = -1;
        int referenceEnd;
        double encodedRatio;
        int encodedStart = -1;
        int encodedEnd;
        double invisibleRatio;
        int invisibleStart = -1;
        int invisibleEnd;
        double similarity;
        String nearestExemplar = "";

        void roleMarker(int start, int end) {
            roleMarkers++;
            roleStart = roleStart < 0 ? start : Math.min(roleStart, start);
            roleEnd = Math.max(roleEnd, end);
        }

        void reference(int start, int end) {
            references++;
            referenceStart = referenceStart < 0 ? start : referenceStart;
            referenceEnd = Math.max(referenceEnd, end);
        }

        Features build() {
            double density = sentences == 0 ? 0 : (double) instructions / sentences;
            return new Features(sentences, instructions, density, roleMarkers, Math.max(roleStart, 0), roleEnd,
                    references, Math.max(referenceStart, 0), referenceEnd, encodedRatio, Math.max(encodedStart, 0),
                    encodedEnd, invisibleRatio, Math.max(invisibleStart, 0), invisibleEnd, similarity, nearestExemplar);
        }
    }
}
