package dev.reason4j.torch.train;

import dev.reason4j.lm.train.SequenceExample;
import dev.reason4j.torch.train.loss.SftLoss;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Supervised fine-tuning on prompt → response pairs ({@link SftLoss}). */
final class SftObjective implements BatchObjective {

    private final List<SequenceExample> examples;
    private final SftLoss loss = new SftLoss();

    SftObjective(List<SequenceExample> examples) {
        this.examples = examples;
    }

    @Override
    public BatchLoss loss(TrainableModel model, List<Integer> indices, ReferenceLogprobs reference) {
        List<SequenceExample> batch = indices.stream().map(examples::get).toList();
        SequenceBatch packed = SequenceBatch.pack(batch.stream().map(e -> SequenceBatch.Scored.of(e.prompt(), e.response())).toList(),
                batch.stream().map(SequenceExample::source).toList(), model.model().device());
        double[] counts = Arrays.stream(packed.scoredCounts()).asDoubleStream().toArray();
        double[] weights = batch.stream().mapToDouble(SequenceExample::weight).toArray();
        return new BatchLoss(loss.compute(model.logprobSums(packed), model.vector(counts), model.vector(weights)),
                packed.totalTokens(), Map.of());
    }
}
