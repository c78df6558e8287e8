package dev.reason4j.recipes.export;

import java.util.Locale;

/** The training tools the recipes' data sets are exported for. */
public enum ExportFormat {
    /**
     * Hugging Face TRL: each data set as {@code NAME.jsonl} in the standard layout (strings: {@code prompt} and
     * {@code completion}, or {@code prompt}, {@code chosen} and {@code rejected}) and {@code NAME.messages.jsonl} in
     * the conversational layout ({@code messages}, or {@code prompt}/{@code chosen}/{@code rejected} as message
     * lists); see {@link TrlRows}.
     */
    TRL,
    /**
     * LLaMA-Factory: each data set as {@code NAME.jsonl} in the alpaca layout ({@code instruction}, {@code input},
     * {@code output}, or {@code chosen}/{@code rejected} for preference data), registered in the directory's
     * {@code dataset_info.json}; see {@link LlamaFactoryRows}.
     */
    LLAMA_FACTORY;

    /** The format named {@code trl} or {@code llamafactory} (also {@code llama_factory}, {@code llama-factory}). */
    public static ExportFormat byName(String name) {
        return switch (name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
            case "trl" -> TRL;
            case "llamafactory" -> LLAMA_FACTORY;
            default -> throw new IllegalArgumentException("unknown export format '" + name + "'; use trl or llamafactory");
        };
    }
}
