package dev.reason4j.torch.train;

import dev.reason4j.lm.train.Objective;
import dev.reason4j.lm.train.SequenceExample;
import dev.reason4j.lm.train.StepPairsExample;
import dev.reason4j.lm.train.StepValueExample;
import dev.reason4j.lm.train.TrainingExample;
import dev.reason4j.torch.train.loss.OutcomeRewardLoss;
import dev.reason4j.torch.train.loss.PpmPairwiseLoss;
import dev.reason4j.torch.train.loss.QValueRegressionLoss;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * The reward-model objectives, all read from the value head at a sequence's last token: rStar-Math's PPM pairwise
 * loss over each node's (correct-leading, wrong-leading) steps ({@link PpmPairwiseLoss}, metric {@code accuracy}:
 * the fraction of pairs ranked right), Q-value regression ({@link QValueRegressionLoss}) and the outcome model's
 * binary cross-entropy ({@link OutcomeRewardLoss}). Every sequence of a micro-batch runs in one forward pass.
 */
final class ValueHeadObjective implements BatchObjective {

    private final Objective objective;
    private final List<TrainingExample> examples;
    private final PpmPairwiseLoss pairwise = new PpmPairwiseLoss();
    private final QValueRegressionLoss regression = new QValueRegressionLoss();
    private final OutcomeRewardLoss outcome = new OutcomeRewardLoss();

    ValueHeadObjective(Objective objective, List<TrainingExample> examples) {
        this.objective = objective;
        this.examples = examples;
    }

    @Override
    public BatchLoss loss(TrainableModel model, List<Integer> indices, ReferenceLogprobs reference) {
        List<SequenceBatch.Scored> rows = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        double[] targets = new double[indices.size()];
        for (int k = 0; k < indices.size(); k++) {
            switch (examples.get(indices.get(k))) {
                case StepPairsExample e -> {
                    e.positives().forEach(step -> rows.add(unscored(e.prefix(), step)));
                    e.negatives().forEach(step -> rows.add(unscored(e.prefix(), step)));
                    for (int i = 0; i < e.positives().size() + e.negatives().size(); i++) {
                        sources.add(e.source());
                    }
                }
                case StepValueExample e -> {
                    rows.add(unscored(e.prefix(), e.step()));
                    sources.add(e.source());
                    targets[k] = e.target();
                }
                case SequenceExample e -> {
                    rows.add(unscored(e.prompt(), e.response()));
                    sources.add(e.source());
                    targets[k] = e.label();
                }
                default -> throw new IllegalArgumentException(objective + " cannot train on " + examples.get(indices.get(k)));
            }
        }
        SequenceBatch packed = SequenceBatch.pack(rows, sources, model.model().device());
        Tensor values = model.values(packed);
        return switch (objective) {
            case PPM -> pairwiseLoss(values, indices, packed.totalTokens());
            case PQM -> new BatchLoss(regression.compute(values, model.vector(targets)), packed.totalTokens(), Map.of());
            case ORM -> new BatchLoss(outcome.compute(values, model.vector(targets)), packed.totalTokens(), Map.of());
            default -> throw new IllegalStateException(objective + " has no value head");
        };
    }

    /** The mean over nodes of each node's pairwise loss; rows are each node's positives then its negatives. */
    private BatchLoss pairwiseLoss(Tensor values, List<Integer> indices, long tokens) {
        List<Tensor> losses = new ArrayList<>();
        double correct = 0;
        long offset = 0;
        for (int index : indices) {
            StepPairsExample e = (StepPairsExample) examples.get(index);
            Tensor positive = values.narrow(0, offset, e.positives().size());
            Tensor negative = values.narrow(0, offset + e.positives().size(), e.negatives().size());
            losses.add(pairwise.compute(positive, negative));
            correct += pairwise.accuracy(positive.detach(), negative.detach()).item_double();
            offset += e.positives().size() + e.negatives().size();
        }
        Tensor loss = torch.stack(new TensorVector(losses.toArray(Tensor[]::new))).mean();
        return new BatchLoss(loss, tokens, Map.of("accuracy", correct / indices.size()));
    }

    /** A value-head sequence: no token is scored by the language-model head. */
    private static SequenceBatch.Scored unscored(int[] prefix, int[] step) {
        SequenceBatch.Scored s = SequenceBatch.Scored.of(prefix, step);
        return new SequenceBatch.Scored(s.tokens(), s.tokens().length);
    }
}
