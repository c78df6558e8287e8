package dev.reason4j.lm.train.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reason4j.lm.train.Objective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The training data formats read by {@link TrainingDataReader}, by the fields of a record. Files are JSONL or one
 * JSON array of records. {@link #detect} tells the format from the first record's fields.
 */
public enum DataFormat {
    /** TRL language modeling, conversational: SFT on the assistant messages. */
    TRL_MESSAGES("trl-messages", "messages [, weight]", EnumSet.of(Objective.SFT)),
    /** TRL prompt-completion (and unpaired preference, with a label). */
    TRL_COMPLETION("trl-completion", "prompt, completion [, weight | label | advantage, reference_mean_logprob]",
            EnumSet.of(Objective.SFT, Objective.ORM, Objective.LH)),
    /** TRL preference, explicit or (conversational) implicit prompt. */
    TRL_PREFERENCE("trl-preference", "[prompt,] chosen, rejected", EnumSet.of(Objective.DPO, Objective.RPO, Objective.SIMPO)),
    /** LLaMA-Factory Alpaca, supervised. */
    LLAMA_FACTORY("llamafactory", "instruction, [input,] output [, system, history, weight]",
            EnumSet.of(Objective.SFT, Objective.LH)),
    /** LLaMA-Factory Alpaca, preference. */
    LLAMA_FACTORY_PREFERENCE("llamafactory-preference", "instruction, [input,] chosen, rejected [, system, history]",
            EnumSet.of(Objective.DPO, Objective.RPO, Objective.SIMPO)),
    /** PPM candidate steps of one node. */
    STEP_PAIRS("step-pairs", "prompt, [prefix_steps,] positive, negative", EnumSet.of(Objective.PPM)),
    /** A partial trajectory with the Q value of its last step. */
    STEP_VALUES("step-values", "prompt, steps, q", EnumSet.of(Objective.PQM));

    private final String cliName;
    private final String fields;
    private final Set<Objective> objectives;

    DataFormat(String cliName, String fields, Set<Objective> objectives) {
        this.cliName = cliName;
        this.fields = fields;
        this.objectives = objectives;
    }

    /** The name used on the command line, e.g. {@code trl-preference}. */
    public String cliName() {
        return cliName;
    }

    /** A record's fields, optional ones in brackets. */
    public String fields() {
        return fields;
    }

    /** Whether records of this format hold what {@code objective} trains on. */
    public boolean holds(Objective objective) {
        return objectives.contains(objective);
    }

    /** What one record must hold for {@code objective}, in words. */
    public static String needs(Objective objective) {
        return switch (objective) {
            case SFT -> "a prompt and a reply";
            case ORM -> "a prompt, a reply and a correctness label";
            case DPO, RPO, SIMPO -> "a prompt with a chosen and a rejected reply";
            case LH -> "a prompt, a reply and its advantage";
            case PPM -> "a prompt, the steps so far and positive and negative next steps";
            case PQM -> "a prompt, steps and the last step's value";
        };
    }

    /** The formats that hold what {@code objective} trains on: {@code trl-preference (fields: ...), ...}. */
    public static String formatsFor(Objective objective) {
        return Arrays.stream(values()).filter(f -> f.holds(objective))
                .map(f -> f.cliName + " (fields: " + f.fields + ")")
                .collect(Collectors.joining(", "));
    }

    /**
     * A format by its command-line name.
     *
     * @throws IllegalArgumentException listing the known names
     */
    public static DataFormat parse(String name) {
        for (DataFormat format : values()) {
            if (format.cliName.equals(name.strip().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown data format '" + name + "'; known: "
                + Arrays.stream(values()).map(DataFormat::cliName).collect(Collectors.joining(", ")));
    }

    /**
     * The format a record's fields show: step fields first, then LLaMA-Factory's {@code instruction}, then TRL's
     * {@code chosen}/{@code rejected}, {@code messages} and {@code prompt}/{@code completion}.
     *
     * @throws IllegalArgumentException naming the fields found when none fits
     */
    public static DataFormat detect(JsonNode record) {
        if (has(record, "prefix_steps") || has(record, "positive") && has(record, "negative")) {
            return STEP_PAIRS;
        }
        if (has(record, "steps") && has(record, "q")) {
            return STEP_VALUES;
        }
        boolean preference = has(record, "chosen") && has(record, "rejected");
        if (has(record, "instruction")) {
            return preference ? LLAMA_FACTORY_PREFERENCE : LLAMA_FACTORY;
        }
        if (preference) {
            return TRL_PREFERENCE;
        }
        if (has(record, "messages")) {
            return TRL_MESSAGES;
        }
        if (has(record, "prompt") && has(record, "completion")) {
            return TRL_COMPLETION;
        }
        List<String> found = new ArrayList<>();
        record.fieldNames().forEachRemaining(found::add);
        throw new IllegalArgumentException("cannot tell the data format from the fields " + found + "; expected "
                + Arrays.stream(values()).map(f -> f.cliName + " (" + f.fields + ")").collect(Collectors.joining(", "))
                + ", or name the format");
    }

    private static boolean has(JsonNode record, String field) {
        return record.has(field);
    }
}
