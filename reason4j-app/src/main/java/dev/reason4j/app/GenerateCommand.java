package dev.reason4j.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.lm.ChatMessage;
import dev.reason4j.lm.Completion;
import dev.reason4j.lm.GenerationResult;
import dev.reason4j.lm.LanguageModelException;
import dev.reason4j.lm.Prompt;
import dev.reason4j.lm.SamplingParams;
import dev.reason4j.lm.TokenLogprob;
import dev.reason4j.torch.ComputeDtype;
import dev.reason4j.torch.DeviceChoice;
import dev.reason4j.torch.EngineOptions;
import dev.reason4j.torch.TorchLanguageModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reason4j generate}: completes one prompt with a local Hugging Face checkpoint. With {@code --json} it prints
 * what is needed to check a checkpoint against a reference implementation: the prompt's ids, the generated ids with
 * their log-probabilities and top-5 alternatives, and the top-5 of the distribution after the last prompt token.
 */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Generate text with a local Qwen2/Llama checkpoint (Hugging Face layout) on libtorch.")
public final class GenerateCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "Model directory: config.json, *.safetensors, tokenizer.json.")
    Path model;

    @Option(names = "--prompt", required = true, description = "Prompt text (tokenized as is, no special tokens added).")
    String prompt;

    @Option(names = "--chat", description = "Send the prompt as a user message through the model's chat template.")
    boolean chat;

    @Option(names = "--max-tokens", defaultValue = "64", description = "Most tokens to generate (default: ${DEFAULT-VALUE}).")
    int maxTokens;

    @Option(names = "--temperature", defaultValue = "0", description = "0 is greedy (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--top-p", defaultValue = "1", description = "Nucleus sampling mass (default: ${DEFAULT-VALUE}).")
    double topP;

    @Option(names = "--top-k", defaultValue = "0", description = "Keep the k most likely tokens; 0 keeps all (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--stop", description = "Stop string (repeatable).")
    List<String> stop = List.of();

    @Option(names = "--ignore-eos", description = "Keep generating past end-of-sequence tokens.")
    boolean ignoreEos;

    @Option(names = "--json", description = "Print ids, logprobs and top-5 alternatives as JSON.")
    boolean json;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu, cuda or auto (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--dtype", defaultValue = "auto",
            description = "auto, float32, bfloat16 or float16; auto is float32 on the CPU (default: ${DEFAULT-VALUE}).")
    String dtype;

    @Option(names = "--threads", defaultValue = "0", description = "libtorch threads; 0 lets libtorch choose (default: ${DEFAULT-VALUE}).")
    int threads;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SamplingParams params = SamplingParams.builder().temperature(temperature).topP(topP).topK(topK)
                .maxTokens(maxTokens).seed(seed).stop(stop).ignoreEos(ignoreEos).topLogprobs(json ? 5 : 0).build();
        EngineOptions options = EngineOptions.builder()
                .device(DeviceChoice.parse(device))
                .dtype(ComputeDtype.parse(dtype))
                .threads(threads)
                .build();
        try (TorchLanguageModel lm = TorchLanguageModel.builder().modelDir(model).options(options).build()) {
            Prompt input = chat ? Prompt.chat(ChatMessage.user(prompt)) : Prompt.text(prompt);
            long start = System.nanoTime();
            GenerationResult result = lm.generate(input, params);
            double seconds = (System.nanoTime() - start) / 1e9;
            Completion completion = result.first();
            if (json) {
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(result, completion)));
            } else {
                out.println(completion.text());
                spec.commandLine().getErr().printf(Locale.ROOT, "[%d prompt + %d generated tokens in %.2f s, finish: %s]%n",
                        result.usage().promptTokens(), completion.tokenIds().size(), seconds,
                        completion.finishReason().apiName());
            }
        } catch (LanguageModelException e) {
            spec.commandLine().getErr().println("reason4j generate: " + e.getMessage());
            return UserErrors.USER_ERROR;
        }
        out.flush();
        return 0;
    }

    private static ObjectNode toJson(GenerationResult result, Completion completion) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode promptIds = root.putArray("prompt_ids");
        result.promptTokenIds().forEach(promptIds::add);
        ArrayNode ids = root.putArray("generated_ids");
        completion.tokenIds().forEach(ids::add);
        ArrayNode logprobs = root.putArray("generated_logprobs");
        completion.logprobs().forEach(lp -> logprobs.add(lp.logprob()));
        ArrayNode top = root.putArray("generated_top5");
        completion.topLogprobs().forEach(alternatives -> top.add(pairs(alternatives)));
        // The first generated token's alternatives are the distribution after the last prompt token.
        root.set("last_prompt_top5", pairs(completion.topLogprobs().get(0)));
        root.put("text", completion.text());
        root.put("finish_reason", completion.finishReason().apiName());
        return root;
    }

    private static ArrayNode pairs(List<TokenLogprob> alternatives) {
        ArrayNode array = JSON.createArrayNode();
        for (TokenLogprob alternative : alternatives) {
            array.addArray().add(alternative.tokenId()).add(alternative.logprob());
        }
        return array;
    }
}
