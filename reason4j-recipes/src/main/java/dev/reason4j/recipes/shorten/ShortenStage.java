package dev.reason4j.recipes.shorten;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.metrics.AnalyzedResponse;
import dev.reason4j.core.provenance.RunManifest;
import dev.reason4j.core.store.RunStore;
import dev.reason4j.recipes.DataSetFiles;
import dev.reason4j.recipes.PreferenceRecord;
import dev.reason4j.recipes.ProblemSamples;
import dev.reason4j.recipes.PromptRendering;
import dev.reason4j.recipes.ResumableStage;
import dev.reason4j.recipes.SftRecord;
import dev.reason4j.recipes.StageProgress;
import dev.reason4j.recipes.StageResult;
import dev.reason4j.recipes.TrainingRecord;
import dev.reason4j.recipes.UnitResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The data stage of the overthinking self-training recipe (Chen et al., arXiv:2412.21187, §4): from K analysed
 * samples per problem, each short target ({@link ShortTarget}) as SFT data ({@code sft_<target>}) and as preference
 * pairs against the longest response ({@code pairs_<target>}), for SimPO, DPO, RPO or SFT.
 *
 * <p>The unit of work is a problem, committed whole to the run store; a killed stage resumes where it stopped. A
 * pair is left out when the target is not shorter than the longest response (a problem with one sample, or whose
 * longest response is the target itself). Per problem the statistics give the samples, the correct ones, the
 * longest response's tokens, and for each target whether there is one and its tokens, so the CLI can report
 * how much shorter the targets are.
 *
 * <p>Before it, the sampling stage samples K responses per problem (default 10 at temperature 1.0) and analyses
 * them with {@link dev.reason4j.core.metrics.ResponseAnalyzer}; this stage reads the analysis' per-response file.
 */
public final class ShortenStage {

    public static final String COMMAND = "shorten-targets";

    private final PromptRendering prompts;
    private final ObjectMapper mapper = new ObjectMapper();

    /** @param prompts rebuilds the prompt the samples were drawn with, the records' {@code prompt} */
    public ShortenStage(PromptRendering prompts) {
        this.prompts = Objects.requireNonNull(prompts, "prompts");
    }

    /** The data-set names this stage writes, SFT then pairs for each target. */
    public static List<String> dataSets() {
        List<String> names = new ArrayList<>();
        for (ShortTarget t : ShortTarget.values()) {
            names.add(sftName(t));
            names.add(pairsName(t));
        }
        return names;
    }

    public static String sftName(ShortTarget target) {
        return "sft_" + target.wireName();
    }

    public static String pairsName(ShortTarget target) {
        return "pairs_" + target.wireName();
    }

    /** The job this stage runs on {@code responses}. */
    public RunManifest manifest(Path responses) {
        return RunManifest.builder(COMMAND)
                .config("targets", List.of(ShortTarget.values()))
                .config("negative", "longest")
                .config("prompt", prompts.description())
                .input(responses)
                .build();
    }

    /** Runs the stage on an analysis' per-response file into {@code runDir} and writes the data sets there. */
    public StageResult run(Path responses, Path runDir, StageProgress progress) {
        List<ProblemSamples> problems = ProblemSamples.read(responses);
        try (RunStore store = RunStore.open(runDir, manifest(responses))) {
            ResumableStage.Counts counts = ResumableStage.run(store, "short targets", ProblemSamples.units(problems),
                    this::extract, progress, mapper);
            Map<String, Long> written = DataSetFiles.write(store, runDir, dataSets(), mapper);
            return new StageResult(counts, written, DataSetFiles.totals(store, mapper)).writeSummary(runDir, mapper);
        }
    }

    /** One problem's targets, pairs and statistics. */
    public UnitResult extract(ProblemSamples problem) {
        int longestIndex = problem.longest();
        AnalyzedResponse longest = problem.samples().get(longestIndex);
        String prompt = prompts.prompt(problem.question());
        ObjectNode stats = mapper.createObjectNode()
                .put("samples", problem.samples().size())
                .put("correct_samples", problem.samples().stream().filter(s -> s.analysis().correct()).count())
                .put("longest_tokens", longest.analysis().tokens());
        Map<String, List<TrainingRecord>> sets = new LinkedHashMap<>();
        for (ShortTarget kind : ShortTarget.values()) {
            Optional<TargetChoice.Target> target = TargetChoice.best(kind, problem);
            List<TrainingRecord> sft = new ArrayList<>();
            List<TrainingRecord> pairs = new ArrayList<>();
            target.ifPresent(t -> {
                String source = problem.problemId() + "/" + kind.wireName() + "/sample" + t.sample();
                sft.add(new SftRecord(problem.problemId(), problem.question(), prompt, t.value().text(),
                        source));
                if (t.value().tokens() < longest.analysis().tokens()) {
                    pairs.add(new PreferenceRecord(problem.problemId(), problem.question(), prompt,
                            t.value().text(), ProblemSamples.text(longest), source + "-vs-sample" + longestIndex));
                }
            });
            stats.put(kind.wireName() + "_targets", target.isPresent())
                    .put(kind.wireName() + "_tokens", target.map(t -> t.value().tokens()).orElse(0L))
                    .put(kind.wireName() + "_pairs", pairs.size());
            sets.put(sftName(kind), sft);
            sets.put(pairsName(kind), pairs);
        }
        return new UnitResult(sets, stats);
    }
}
