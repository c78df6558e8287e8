package dev.reason4j.torch.train;

import dev.reason4j.lm.train.AdvantageExample;
import dev.reason4j.torch.Tensors;
import dev.reason4j.torch.train.loss.LengthHarmonizingLoss;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;

/**
 * O1-Pruner's length-harmonizing fine-tuning on pre-sampled responses with advantages
 * ({@link LengthHarmonizingLoss}). The reference mean log-probability is the example's own when it was computed at
 * sampling time, else the frozen starting model's. Metric {@code ratio}: the mean ratio r.
 */
final class LengthHarmonizingObjective implements BatchObjective {

    private final List<AdvantageExample> examples;
    private final LengthHarmonizingLoss loss;

    LengthHarmonizingObjective(double epsilon, List<AdvantageExample> examples) {
        this.examples = examples;
        this.loss = new LengthHarmonizingLoss(epsilon);
    }

    @Override
    public boolean needsReference() {
        return examples.stream().anyMatch(e -> e.referenceMeanLogprob().isEmpty());
    }

    /** Mean response log-probability per row, {@code (batch)}, and the tokens fed. */
    private record Means(Tensor means, long tokens) {}

    private Means means(TrainableModel model, List<AdvantageExample> batch) {
        SequenceBatch packed = SequenceBatch.pack(
                batch.stream().map(e -> SequenceBatch.Scored.of(e.prompt(), e.response())).toList(),
                batch.stream().map(AdvantageExample::source).toList(), model.model().device());
        double[] counts = Arrays.stream(packed.scoredCounts()).asDoubleStream().toArray();
        return new Means(model.logprobSums(packed).div(model.vector(counts)), packed.totalTokens());
    }

    @Override
    public double[][] referenceStatistics(TrainableModel model, List<Integer> indices) {
        float[] means = Tensors.floats(means(model, indices.stream().map(examples::get).toList()).means());
        double[][] rows = new double[means.length][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {means[i]};
        }
        return rows;
    }

    @Override
    public BatchLoss loss(TrainableModel model, List<Integer> indices, ReferenceLogprobs reference) {
        List<AdvantageExample> batch = indices.stream().map(examples::get).toList();
        Means policy = means(model, batch);
        double[] referenceMeans = new double[batch.size()];
        for (int k = 0; k < batch.size(); k++) {
            int index = indices.get(k);
            referenceMeans[k] = batch.get(k).referenceMeanLogprob().orElseGet(() -> reference.row(index)[0]);
        }
        Tensor referenceTensor = model.vector(referenceMeans);
        Tensor advantages = model.vector(batch.stream().mapToDouble(AdvantageExample::advantage).toArray());
        double ratio = loss.ratios(policy.means().detach(), referenceTensor).mean().item_double();
        return new BatchLoss(loss.compute(policy.means(), referenceTensor, advantages), policy.tokens(),
                Map.of("ratio", ratio));
    }
}
