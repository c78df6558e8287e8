package dev.reason4j.torch.model;

/**
 * How rotary position frequencies are adjusted for long contexts ({@code rope_scaling} in transformers 4.x,
 * {@code rope_parameters} in 5.x).
 *
 * @param type {@code default}, {@code linear} (positions divided by {@code factor}) or {@code llama3}
 *     (frequency-dependent scaling of Llama 3.1)
 * @param factor scaling factor (1 for default)
 * @param lowFreqFactor llama3: wavelengths beyond {@code originalMaxPositions / lowFreqFactor} are scaled fully
 * @param highFreqFactor llama3: wavelengths under {@code originalMaxPositions / highFreqFactor} are kept
 * @param originalMaxPositions llama3: the context length the model was pre-trained with
 */
public record RopeScaling(String type, double factor, double lowFreqFactor, double highFreqFactor, int originalMaxPositions) {

    public static final RopeScaling NONE = new RopeScaling("default", 1, 0, 0, 0);

    public RopeScaling {
        if (!type.equals("default") && !type.equals("linear") && !type.equals("llama3")) {
            throw new IllegalArgumentException("rope type must be default, linear or llama3, was '" + type + "'");
        }
        if (!(factor > 0)) {
            throw new IllegalArgumentException("rope factor must be > 0, was " + factor);
        }
        if (type.equals("llama3") && !(lowFreqFactor > 0 && highFreqFactor > lowFreqFactor && originalMaxPositions > 0)) {
            throw new IllegalArgumentException("llama3 rope scaling needs 0 < low_freq_factor < high_freq_factor and "
                    + "original_max_position_embeddings > 0, was " + lowFreqFactor + ", " + highFreqFactor + ", "
                    + originalMaxPositions);
        }
    }

    /**
     * Adjusts the inverse frequencies {@code theta^(-2i/d)} in place.
     *
     * <p>llama3 (Meta, "The Llama 3 Herd of Models", 2024): wavelength {@code λ = 2π/f}; {@code f/factor} when
     * {@code λ > L/low}, {@code f} when {@code λ < L/high}, and between them
     * {@code (1-s)·f/factor + s·f} with {@code s = (L/λ - low)/(high - low)}.
     */
    void apply(double[] inverseFrequencies) {
        for (int i = 0; i < inverseFrequencies.length; i++) {
            double f = inverseFrequencies[i];
            inverseFrequencies[i] = switch (type) {
                case "linear" -> f / factor;
                case "llama3" -> {
                    double wavelength = 2 * Math.PI / f;
                    double lowWavelength = originalMaxPositions / lowFreqFactor;
                    double highWavelength = originalMaxPositions / highFreqFactor;
                    if (wavelength < highWavelength) {
                        yield f;
                    }
                    if (wavelength > lowWavelength) {
                        yield f / factor;
                    }
                    double smooth = (originalMaxPositions / wavelength - lowFreqFactor) / (highFreqFactor - lowFreqFactor);
                    yield (1 - smooth) * f / factor + smooth * f;
                }
                default -> f;
            };
        }
    }
}
