package dev.reason4j.core.metrics.split;

import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * Decides which solution rounds are distinct without a language model, standing in for the GPT-4o clustering of
 * Chen et al., "Do NOT Think That Much for 2+3=? On the Overthinking of o1-Like LLMs", arXiv:2412.21187.
 *
 * <p>Heuristic: the first round is distinct. A later round is distinct when
 * <ul>
 *   <li>it reaches an answer that the grader finds different from every earlier round's answer (a different
 *       result means the reasoning went differently), or</li>
 *   <li>its {@link ApproachSignature} mentions a technique that no earlier round mentioned (a new approach,
 *       even when it confirms the same answer: "Alternatively, using the quadratic formula …").</li>
 * </ul>
 * Otherwise it repeats earlier work (a re-computation or a check by the same method) and joins the cluster of the
 * earliest round with the same answer, or of the round before it when it has no answer. A distinct round opens a
 * new cluster. Known limits: approaches that use no vocabulary term look alike, and a mere mention of a technique
 * ("no need for the quadratic formula") counts as using it.
 */
public final class HeuristicSolutionClusterer implements SolutionClusterer {

    private final ApproachSignature signature;

    /** A clusterer over the default approach vocabulary. */
    public HeuristicSolutionClusterer() {
        this(new ApproachSignature());
    }

    public HeuristicSolutionClusterer(ApproachSignature signature) {
        this.signature = Objects.requireNonNull(signature, "signature");
    }

    public ApproachSignature signature() {
        return signature;
    }

    @Override
    public String name() {
        return "heuristic";
    }

    @Override
    public int[] clusters(String problem, List<CandidateSolution> solutions) {
        int[] cluster = new int[solutions.size()];
        BitSet termsSoFar = new BitSet();
        int next = 0;
        for (int i = 0; i < solutions.size(); i++) {
            CandidateSolution s = solutions.get(i);
            if (s.sameAnswerAs() >= i) {
                throw new IllegalArgumentException("round " + i + " says it has the same answer as round "
                        + s.sameAnswerAs() + ", which is not an earlier round");
            }
            BitSet terms = signature.of(s.text());
            BitSet newTerms = (BitSet) terms.clone();
            newTerms.andNot(termsSoFar);
            termsSoFar.or(terms);
            if (i == 0 || s.newAnswer() || !newTerms.isEmpty()) {
                cluster[i] = next++;
            } else {
                cluster[i] = s.sameAnswerAs() >= 0 ? cluster[s.sameAnswerAs()] : cluster[i - 1];
            }
        }
        return cluster;
    }
}
