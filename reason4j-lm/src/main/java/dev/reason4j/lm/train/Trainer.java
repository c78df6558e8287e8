package dev.reason4j.lm.train;

import java.util.List;
import java.util.Objects;

/**
 * Fine-tunes one model. An engine opens a trainer on a starting checkpoint; {@link #train} runs a whole
 * {@link TrainingConfig} over tokenized examples, writes resumable checkpoints and the final model to
 * {@link TrainingConfig#outputDir()}, and reports each optimizer step to a listener.
 *
 * <p>Template method: {@link #train} checks that every example is of the kind the objective reads
 * ({@link Objective#exampleType()}) and carries what it needs (a 0/1 label for ORM), then calls the one abstract
 * method {@link #doTrain}. Rerunning with the same output directory and configuration resumes from the latest
 * checkpoint with the same data order.
 */
public abstract class Trainer implements AutoCloseable {

    /** A name for logs and run records (the starting model's directory name). */
    public abstract String id();

    /**
     * Trains on {@code examples}.
     *
     * @throws IllegalArgumentException when {@code examples} is empty, or an example does not suit the objective
     *     (the message names the example's {@link TrainingExample#source()})
     */
    public final TrainingResult train(TrainingConfig config, List<? extends TrainingExample> examples,
            TrainingListener listener) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(examples, "examples");
        Objects.requireNonNull(listener, "listener");
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("examples must not be empty");
        }
        Objective objective = config.objective();
        for (int i = 0; i < examples.size(); i++) {
            TrainingExample example = Objects.requireNonNull(examples.get(i), "examples[" + i + "]");
            if (!objective.exampleType().isInstance(example)) {
                throw new IllegalArgumentException(example.source() + ": objective " + objective + " trains on "
                        + objective.exampleType().getSimpleName() + ", got " + example.getClass().getSimpleName());
            }
            if (objective == Objective.ORM && example instanceof SequenceExample s
                    && !(s.label() == 0 || s.label() == 1)) {
                throw new IllegalArgumentException(
                        example.source() + ": label must be 0 or 1 for an outcome reward model, was " + s.label());
            }
        }
        return doTrain(config, List.copyOf(examples), listener);
    }

    /** Trains on validated examples: each is an instance of the objective's example type. */
    protected abstract TrainingResult doTrain(TrainingConfig config, List<TrainingExample> examples,
            TrainingListener listener);

    /** Releases the model and optimizer state. */
    @Override
    public void close() {}
}
