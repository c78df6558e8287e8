package dev.reason4j.torch.train;

import dev.reason4j.lm.train.Objective;
import dev.reason4j.lm.train.PreferenceExample;
import dev.reason4j.lm.train.TrainingConfig;
import dev.reason4j.torch.Tensors;
import dev.reason4j.torch.train.loss.DpoLoss;
import dev.reason4j.torch.train.loss.RpoLoss;
import dev.reason4j.torch.train.loss.SimpoLoss;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;

/**
 * DPO, RPO and SimPO on (prompt, chosen, rejected) triples ({@link DpoLoss}, {@link RpoLoss}, {@link SimpoLoss}).
 * A micro-batch runs its chosen and rejected sequences in one forward pass: rows {@code [0, n)} chosen,
 * {@code [n, 2n)} rejected. Metrics: {@code accuracy}, the fraction of pairs with a positive margin, and
 * {@code margin}, the mean margin (the loss's σ argument).
 */
final class PreferenceObjective implements BatchObjective {

    private final Objective objective;
    private final List<PreferenceExample> examples;
    private final DpoLoss dpo;
    private final RpoLoss rpo;
    private final SimpoLoss simpo;

    PreferenceObjective(TrainingConfig config, List<PreferenceExample> examples) {
        this.objective = config.objective();
        this.examples = examples;
        this.dpo = new DpoLoss(config.beta());
        this.rpo = new RpoLoss(config.beta(), config.rpoAlpha());
        this.simpo = new SimpoLoss(config.beta(), config.simpoGamma());
    }

    @Override
    public boolean needsReference() {
        return objective != Objective.SIMPO;
    }

    /** Chosen and rejected summed log-probabilities and token counts of a micro-batch. */
    private record Pair(Tensor chosen, Tensor rejected, double[] chosenCounts, double[] rejectedCounts, long tokens) {}

    private Pair run(TrainableModel model, List<Integer> indices) {
        List<PreferenceExample> batch = indices.stream().map(examples::get).toList();
        List<SequenceBatch.Scored> rows = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        batch.forEach(e -> {
            rows.add(SequenceBatch.Scored.of(e.prompt(), e.chosen()));
            sources.add(e.source() + " (chosen)");
        });
        batch.forEach(e -> {
            rows.add(SequenceBatch.Scored.of(e.prompt(), e.rejected()));
            sources.add(e.source() + " (rejected)");
        });
        SequenceBatch packed = SequenceBatch.pack(rows, sources, model.model().device());
        Tensor sums = model.logprobSums(packed);
        int n = batch.size();
        double[] counts = Arrays.stream(packed.scoredCounts()).asDoubleStream().toArray();
        return new Pair(sums.narrow(0, 0, n), sums.narrow(0, n, n), Arrays.copyOfRange(counts, 0, n),
                Arrays.copyOfRange(counts, n, 2 * n), packed.totalTokens());
    }

    @Override
    public double[][] referenceStatistics(TrainableModel model, List<Integer> indices) {
        Pair pair = run(model, indices);
        float[] chosen = Tensors.floats(pair.chosen());
        float[] rejected = Tensors.floats(pair.rejected());
        double[][] rows = new double[indices.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {chosen[i], rejected[i]};
        }
        return rows;
    }

    @Override
    public BatchLoss loss(TrainableModel model, List<Integer> indices, ReferenceLogprobs reference) {
        Pair p = run(model, indices);
        Tensor chosenCounts = model.vector(p.chosenCounts());
        Tensor loss;
        Tensor margins;
        if (objective == Objective.SIMPO) {
            Tensor rejectedCounts = model.vector(p.rejectedCounts());
            loss = simpo.compute(p.chosen(), chosenCounts, p.rejected(), rejectedCounts);
            margins = simpo.margins(p.chosen(), chosenCounts, p.rejected(), rejectedCounts);
        } else {
            Tensor refChosen = model.vector(reference.column(indices, 0));
            Tensor refRejected = model.vector(reference.column(indices, 1));
            loss = objective == Objective.RPO
                    ? rpo.compute(p.chosen(), p.rejected(), refChosen, refRejected, chosenCounts)
                    : dpo.compute(p.chosen(), p.rejected(), refChosen, refRejected);
            margins = dpo.margins(p.chosen(), p.rejected(), refChosen, refRejected);
        }
        Tensor detached = margins.detach();
        double accuracy = detached.gt(Tensors.scalar(0)).to(detached.scalar_type()).mean().item_double();
        return new BatchLoss(loss, p.tokens(), Map.of("accuracy", accuracy, "margin", detached.mean().item_double()));
    }
}
