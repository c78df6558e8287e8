package dev.reason4j.search;

import dev.reason4j.lm.reward.RewardModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Step-level beam search guided by a process reward model, as studied by Snell et al. ("Scaling LLM Test-Time
 * Compute Optimally can be More Effective than Scaling Model Parameters", arXiv:2408.03314, 2024).
 *
 * <p>Each round every beam samples {@code samplesPerStep} next steps (the root samples
 * {@code width × samplesPerStep}, so the first round already fills the beam); duplicates are dropped, every new step
 * that did not hit a dead end is scored by the process model (one batch for all problems), trajectories that gave an
 * answer are kept as candidates, and the {@code width} best-scored unfinished steps become the next beams (ties go
 * to the earlier node). A problem stops when its beam is empty, {@code width} answers have been found, or its token
 * budget is spent. The answer is picked by {@link #selection()} among all finished trajectories, each scored by its
 * last step.
 */
public final class PrmBeamSearch extends SearchStrategy {

    private final int width;
    private final int samplesPerStep;
    private final AnswerSelection selection;

    public PrmBeamSearch(int width, int samplesPerStep, AnswerSelection selection) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1, was " + width);
        }
        if (samplesPerStep < 1) {
            throw new IllegalArgumentException("samplesPerStep must be >= 1, was " + samplesPerStep);
        }
        this.width = width;
        this.samplesPerStep = samplesPerStep;
        this.selection = Objects.requireNonNull(selection, "selection");
    }

    @Override
    public String name() {
        return "beam-" + width + "x" + samplesPerStep;
    }

    @Override
    public AnswerSelection selection() {
        return selection;
    }

    @Override
    void check(SearchContext ctx) {
        if (ctx.scorer().filter(m -> m.kind() == RewardModel.Kind.PROCESS).isEmpty()) {
            throw new IllegalArgumentException(name() + " ranks partial trajectories: it needs a process reward model");
        }
        if (samplesPerStep * width > 1 && ctx.settings().temperature() == 0) {
            throw new IllegalArgumentException(name() + " needs a sampling temperature > 0");
        }
    }

    @Override
    void search(SearchRun run, List<ProblemSearch> searches) {
        RewardModel prm = run.ctx.scorer().orElseThrow();
        double temperature = run.ctx.settings().temperature();
        Map<ProblemSearch, List<SearchNode>> beams = new IdentityHashMap<>();
        Map<ProblemSearch, Integer> answered = new IdentityHashMap<>();
        for (ProblemSearch s : searches) {
            beams.put(s, List.of(s.tree.root()));
            answered.put(s, 0);
            s.rollouts = width;
        }
        while (true) {
            List<Expander.Request> requests = new ArrayList<>();
            for (ProblemSearch s : searches) {
                for (SearchNode beam : beams.get(s)) {
                    int samples = beam.isRoot() ? width * samplesPerStep : samplesPerStep;
                    requests.add(new Expander.Request(s, beam, samples, temperature, true));
                }
            }
            if (requests.isEmpty()) {
                return;
            }
            List<List<SearchNode>> children = run.expand(requests);
            List<NodeScorer.Item> fresh = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                for (SearchNode child : children.get(i)) {
                    if (!child.isTerminal() || child.answer().isPresent()) {
                        fresh.add(new NodeScorer.Item(requests.get(i).search(), child));
                    }
                }
            }
            run.score(prm, fresh);
            Map<ProblemSearch, List<SearchNode>> pools = new IdentityHashMap<>();
            searches.forEach(s -> pools.put(s, new ArrayList<>()));
            for (NodeScorer.Item it : fresh) {
                if (it.node().isTerminal()) {
                    answered.merge(it.search(), 1, Integer::sum);
                } else {
                    pools.get(it.search()).add(it.node());
                }
            }
            for (ProblemSearch s : searches) {
                List<SearchNode> next = prune(pools.get(s), width);
                if (answered.get(s) >= width || s.overBudget()) {
                    next = List.of();
                }
                if (next.isEmpty()) {
                    s.finish();
                }
                beams.put(s, next);
            }
        }
    }

    /** The {@code width} best-scored nodes, best first; ties go to the earlier node. */
    static List<SearchNode> prune(List<SearchNode> candidates, int width) {
        return candidates.stream()
                .sorted(Comparator.comparingDouble(SearchNode::reward).reversed().thenComparingInt(SearchNode::id))
                .limit(width)
                .toList();
    }
}
