package dev.reason4j.lm.train.data;

import dev.reason4j.lm.Tokenizer;
import dev.reason4j.lm.train.AdvantageExample;
import dev.reason4j.lm.train.PreferenceExample;
import dev.reason4j.lm.train.SequenceExample;
import dev.reason4j.lm.train.StepPairsExample;
import dev.reason4j.lm.train.StepValueExample;
import dev.reason4j.lm.train.TrainingExample;
import dev.reason4j.lm.train.data.PromptLayout.Prompted;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * Turns prompt and reply texts into tokenized {@link TrainingExample}s with exact prompt masks
 * ({@link BoundaryEncoder}) and applies the {@link LengthLimit}, counting what it cuts and leaves out. An empty
 * result means the example was too long. Not thread-safe.
 */
final class ExampleTokenizer {

    private final BoundaryEncoder encoder;
    private final LengthLimit limit;
    private long truncated;
    private long tooLong;

    ExampleTokenizer(Tokenizer tokenizer, LengthLimit limit) {
        this.encoder = new BoundaryEncoder(tokenizer);
        this.limit = limit;
    }

    /** SFT (weight, label NaN) or ORM (weight 1, label) example. */
    Optional<TrainingExample> sequence(String source, Prompted prompt, String field, String reply, double weight,
            double label) {
        return promptAndReply(prompt, field, reply)
                .map(ids -> new SequenceExample(source, ids.prompt(), ids.reply(), weight, label));
    }

    /** A length-harmonizing example. */
    Optional<TrainingExample> advantage(String source, Prompted prompt, String field, String reply, double advantage,
            OptionalDouble referenceMeanLogprob) {
        return promptAndReply(prompt, field, reply)
                .map(ids -> new AdvantageExample(source, ids.prompt(), ids.reply(), advantage, referenceMeanLogprob));
    }

    /** The prompt's and the kept reply's ids, or empty (counted) when the example is too long. */
    private Optional<PromptAndReply> promptAndReply(Prompted prompt, String field, String reply) {
        int[] promptIds = encoder.prefix(prompt.text());
        int[] replyIds = replyIds(prompt, field, reply);
        int[] kept = fit(promptIds.length, replyIds);
        if (kept == null) {
            tooLong++;
            return Optional.empty();
        }
        countTruncation(kept != replyIds);
        return Optional.of(new PromptAndReply(promptIds, kept));
    }

    private record PromptAndReply(int[] prompt, int[] reply) {}

    /** A preference pair; either reply may be cut. */
    Optional<TrainingExample> preference(String source, Prompted prompt, String chosen, String rejected) {
        int[] promptIds = encoder.prefix(prompt.text());
        int[] chosenIds = replyIds(prompt, "chosen", chosen);
        int[] rejectedIds = replyIds(prompt, "rejected", rejected);
        int[] keptChosen = fit(promptIds.length, chosenIds);
        int[] keptRejected = fit(promptIds.length, rejectedIds);
        if (keptChosen == null || keptRejected == null) {
            return leaveOut();
        }
        countTruncation(keptChosen != chosenIds || keptRejected != rejectedIds);
        return Optional.of(new PreferenceExample(source, promptIds, keptChosen, keptRejected));
    }

    /** The candidate steps of one node; never cut. */
    Optional<TrainingExample> stepPairs(String source, String prefix, List<String> positives, List<String> negatives) {
        int[] prefixIds = nonEmptyPrefix(prefix);
        List<int[]> positiveIds = steps(prefix, "positive", positives);
        List<int[]> negativeIds = steps(prefix, "negative", negatives);
        int longest = Stream.concat(positiveIds.stream(), negativeIds.stream())
                .mapToInt(s -> s.length).max().orElse(0);
        if (!limit.fits((long) prefixIds.length + longest)) {
            return leaveOut();
        }
        return Optional.of(new StepPairsExample(source, prefixIds, positiveIds, negativeIds));
    }

    /** A step with its value target; never cut. */
    Optional<TrainingExample> stepValue(String source, String prefix, String stepField, String step, double target) {
        int[] prefixIds = nonEmptyPrefix(prefix);
        int[] stepIds = nonEmpty(encoder.continuation(prefix, step), stepField);
        if (!limit.fits((long) prefixIds.length + stepIds.length)) {
            return leaveOut();
        }
        return Optional.of(new StepValueExample(source, prefixIds, stepIds, target));
    }

    /** Examples whose reply was cut to the limit. */
    long truncated() {
        return truncated;
    }

    /** Examples left out for being over the limit. */
    long tooLong() {
        return tooLong;
    }

    /** Replies or steps encoded on their own because a token straddled the prompt boundary. */
    long separatelyEncoded() {
        return encoder.separatelyEncoded();
    }

    private int[] replyIds(Prompted prompt, String field, String reply) {
        return nonEmpty(encoder.continuation(prompt.text(), prompt.reply(reply)), field);
    }

    private List<int[]> steps(String prefix, String field, List<String> steps) {
        List<int[]> ids = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            ids.add(nonEmpty(encoder.continuation(prefix, steps.get(i)), field + "." + i));
        }
        return ids;
    }

    private int[] nonEmptyPrefix(String prefix) {
        return nonEmpty(encoder.prefix(prefix), "prompt");
    }

    /** The reply as kept: itself when it fits, cut when allowed, null when the example must be left out. */
    private int[] fit(int promptLength, int[] reply) {
        if (limit.fits((long) promptLength + reply.length)) {
            return reply;
        }
        if (limit.overflow() == LengthLimit.Overflow.SKIP || promptLength >= limit.maxTokens()) {
            return null;
        }
        return Arrays.copyOf(reply, limit.maxTokens() - promptLength);
    }

    private void countTruncation(boolean cut) {
        if (cut) {
            truncated++;
        }
    }

    private Optional<TrainingExample> leaveOut() {
        tooLong++;
        return Optional.empty();
    }

    private static int[] nonEmpty(int[] ids, String field) {
        if (ids.length == 0) {
            throw new BadField(field, "has no tokens");
        }
        return ids;
    }
}
