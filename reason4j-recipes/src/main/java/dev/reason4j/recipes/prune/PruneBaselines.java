package dev.reason4j.recipes.prune;

import dev.reason4j.core.metrics.AnalyzedResponse;
import dev.reason4j.recipes.PreferenceRecord;
import dev.reason4j.recipes.ProblemSamples;
import dev.reason4j.recipes.SftRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The training-data baselines O1-Pruner (arXiv:2501.12570) compares against, from the same pre-samples: SFT on the
 * two shortest correct samples of each problem, and DPO with the shortest correct sample chosen over the longest
 * sample. Length is in tokens; ties go to the earlier sample. (The third baseline, a fast-solving prompt, needs no
 * data.)
 */
public final class PruneBaselines {

    private PruneBaselines() {}

    /** SFT records of the two shortest correct samples, shortest first, after {@code prompt}. */
    public static List<SftRecord> twoShortestCorrect(ProblemSamples problem, String prompt) {
        List<SftRecord> records = new ArrayList<>();
        for (int i : shortestCorrect(problem).stream().limit(2).toList()) {
            records.add(new SftRecord(problem.problemId(), problem.question(), prompt,
                    ProblemSamples.text(problem.samples().get(i)), problem.problemId() + "/shortest-correct/sample" + i));
        }
        return records;
    }

    /**
     * The shortest correct sample chosen over the longest sample; empty when no sample is correct or the longest
     * sample is that same one.
     */
    public static Optional<PreferenceRecord> shortestOverLongest(ProblemSamples problem, String prompt) {
        List<Integer> correct = shortestCorrect(problem);
        if (correct.isEmpty()) {
            return Optional.empty();
        }
        int chosen = correct.get(0);
        List<AnalyzedResponse> samples = problem.samples();
        int longest = problem.longest();
        if (longest == chosen) {
            return Optional.empty();
        }
        return Optional.of(new PreferenceRecord(problem.problemId(), problem.question(), prompt,
                ProblemSamples.text(samples.get(chosen)), ProblemSamples.text(samples.get(longest)),
                problem.problemId() + "/sample" + chosen + "-vs-sample" + longest));
    }

    /** The indices of the correct samples, shortest first. */
    private static List<Integer> shortestCorrect(ProblemSamples problem) {
        List<AnalyzedResponse> samples = problem.samples();
        return IntStream.range(0, samples.size()).boxed()
                .filter(i -> samples.get(i).analysis().correct())
                .sorted(Comparator.comparingLong((Integer i) -> samples.get(i).analysis().tokens())
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
    }
}
