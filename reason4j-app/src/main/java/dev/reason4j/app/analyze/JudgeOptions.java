package dev.reason4j.app.analyze;

import dev.reason4j.core.grading.MathGrader;
import dev.reason4j.core.metrics.ResponseAnalyzer;
import dev.reason4j.lm.LanguageModel;
import dev.reason4j.lm.judge.Judge;
import dev.reason4j.lm.judge.LlmJudgeSolutionClusterer;
import dev.reason4j.lm.judge.LlmJudgeSolutionSplitter;
import dev.reason4j.lm.openai.OpenAiLanguageModel;
import dev.reason4j.torch.EngineOptions;
import dev.reason4j.torch.TorchLanguageModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The LLM-judge modes of {@code analyze}: the paper's model-made solution splitting and diversity clustering
 * ({@code dev.reason4j.lm.judge}) instead of the rules, through a local model or OpenAI-compatible servers. Replies
 * the judge gets wrong fall back to the rules for that response and are counted.
 */
final class JudgeOptions {

    enum Task {
        splits,
        clusters
    }

    @Option(names = "--judge-model", paramLabel = "DIR",
            description = "Judge with this local model (Hugging Face directory, run in-process) instead of the rules.")
    Path model;

    @Option(names = "--judge-endpoint", split = ",", paramLabel = "URL",
            description = "Judge with the model behind these OpenAI-compatible servers (key from OPENAI_API_KEY).")
    List<String> endpoint;

    @Option(names = "--judge-served-model", paramLabel = "NAME", description = "With --judge-endpoint: the model id.")
    String servedModel;

    @Option(names = "--judge", split = ",", defaultValue = "splits,clusters",
            description = "What the judge decides: splits, clusters or both (default: ${DEFAULT-VALUE}).")
    List<Task> tasks;

    @Option(names = "--judge-max-tokens", defaultValue = "1024",
            description = "Most tokens of one judge reply (default: ${DEFAULT-VALUE}).")
    int maxTokens;

    boolean enabled() {
        return model != null || endpoint != null;
    }

    /** The judge's model; the caller closes it. */
    LanguageModel open() {
        if (model != null && endpoint != null) {
            throw new IllegalArgumentException("give --judge-model or --judge-endpoint, not both");
        }
        if (model != null) {
            if (!Files.isDirectory(model)) {
                throw new IllegalArgumentException("--judge-model " + model + " is not a directory");
            }
            return TorchLanguageModel.builder().modelDir(model).options(EngineOptions.builder().build()).build();
        }
        OpenAiLanguageModel.Builder remote = OpenAiLanguageModel.builder().baseUrls(endpoint.toArray(String[]::new));
        if (servedModel != null) {
            remote.model(servedModel);
        }
        return remote.build();
    }

    /** {@code rules} with the judged parts replaced by the judge. */
    ResponseAnalyzer apply(ResponseAnalyzer rules, Judge judge, MathGrader grader, String thinkEndTag) {
        return new ResponseAnalyzer(grader,
                tasks.contains(Task.splits) ? new LlmJudgeSolutionSplitter(judge, rules.splitter()) : rules.splitter(),
                tasks.contains(Task.clusters) ? new LlmJudgeSolutionClusterer(judge, rules.clusterer()) : rules.clusterer(),
                rules.tokenCounter(), thinkEndTag);
    }

    Map<String, Object> toConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("judge_model", model != null ? model.toAbsolutePath().normalize().toString() : null);
        c.put("judge_endpoint", endpoint);
        c.put("judge_served_model", servedModel);
        c.put("judge_tasks", tasks.stream().map(Enum::name).toList());
        c.put("judge_max_tokens", maxTokens);
        return c;
    }
}
