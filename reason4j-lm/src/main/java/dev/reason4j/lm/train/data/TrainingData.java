package dev.reason4j.lm.train.data;

import dev.reason4j.core.provenance.InputFile;
import dev.reason4j.lm.train.TrainingExample;
import java.util.List;
import java.util.Objects;

/**
 * The tokenized examples of one data file and what reading it did.
 *
 * @param source the file's path, SHA-256 (of exactly the bytes read) and size, for run provenance
 * @param format the format it was read in
 * @param chatTemplate whether conversations went through the tokenizer's chat template (else the plain layout)
 * @param examples the examples in file order (a record may give several: one per assistant turn)
 * @param records the records read, bad ones included
 * @param skipped bad records skipped (only when reading with {@code LoadOptions.skippingBadRecords()})
 * @param skipReasons why the first skipped records were skipped, with file, line and field
 * @param truncated examples whose reply was cut to the length limit
 * @param tooLong examples left out for being over the length limit
 * @param separatelyEncoded replies or steps tokenized on their own because a token straddled the prompt boundary
 */
public record TrainingData(InputFile source, DataFormat format, boolean chatTemplate, List<TrainingExample> examples,
        long records, long skipped, List<String> skipReasons, long truncated, long tooLong, long separatelyEncoded) {

    public TrainingData {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        examples = List.copyOf(examples);
        skipReasons = List.copyOf(skipReasons);
    }

    /** Token ids over all examples, all sequences of each counted. */
    public long tokenCount() {
        return examples.stream().mapToLong(TrainingExample::tokenCount).sum();
    }

    /** One line for logs: {@code 120 examples (2,431 tokens) from 100 records in trl-preference; 1 skipped ...}. */
    public String summary() {
        StringBuilder text = new StringBuilder(String.format(java.util.Locale.ROOT,
                "%,d examples (%,d tokens) from %,d records in %s format%s", examples.size(), tokenCount(), records,
                format.cliName(), chatTemplate ? " with the chat template" : ""));
        append(text, skipped, "bad records skipped");
        append(text, truncated, "truncated");
        append(text, tooLong, "too long, left out");
        append(text, separatelyEncoded, "replies tokenized apart from their prompt");
        return text.toString();
    }

    private static void append(StringBuilder text, long count, String what) {
        if (count > 0) {
            text.append(String.format(java.util.Locale.ROOT, "; %,d %s", count, what));
        }
    }
}
