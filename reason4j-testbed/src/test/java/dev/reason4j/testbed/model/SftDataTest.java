package dev.reason4j.testbed.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.lm.hf.HfTokenizer;
import dev.reason4j.lm.train.Objective;
import dev.reason4j.lm.train.SequenceExample;
import dev.reason4j.lm.train.data.DataOptions;
import dev.reason4j.lm.train.data.TrainingData;
import dev.reason4j.lm.train.data.TrainingDataReader;
import dev.reason4j.search.protocol.CodeStepProtocol;
import dev.reason4j.testbed.tokenizer.HfTokenizerFiles;
import dev.reason4j.testbed.tokenizer.TokenizerTrainer;
import dev.reason4j.testbed.tokenizer.TrainingText;
import dev.reason4j.testbed.world.Solutions;
import dev.reason4j.testbed.world.TierRange;
import dev.reason4j.testbed.world.WorldConfig;
import dev.reason4j.testbed.world.WorldGenerator;
import dev.reason4j.testbed.world.WorldJsonl;
import dev.reason4j.testbed.world.WorldProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SFT rows from testbed problems are prompted exactly as search prompts, and the trainer's reader takes them. */
class SftDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static List<WorldProblem> problems;
    private static Path worldFile;

    @BeforeAll
    static void world() {
        problems = WorldGenerator.generate(new WorldConfig(5, 80, 0, TierRange.ALL)).train();
        worldFile = dir.resolve("train.jsonl");
        WorldJsonl.write(worldFile, problems);
    }

    @Test
    void should_prompt_with_the_code_protocols_search_prompt_and_complete_with_the_overthinking_solution()
            throws IOException {
        Path out = dir.resolve("sft-code.jsonl");
        assertThat(SftData.write(worldFile, ReferenceStyle.of("code", "overthinking"), out))
                .isEqualTo(problems.size());
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSameSizeAs(problems);
        for (int i = 0; i < problems.size(); i++) {
            WorldProblem p = problems.get(i);
            JsonNode row = JSON.readTree(lines.get(i));
            assertThat(row.get("problem_id").asText()).isEqualTo(p.id());
            assertThat(row.get("difficulty").asInt()).isEqualTo(p.difficulty());
            assertThat(row.get("prompt").asText())
                    .isEqualTo(CodeStepProtocol.DEFAULT_PROMPT.render(p.question(), Optional.empty()))
                    .isEqualTo("<|user|>:\n" + p.question()
                            + "\n<|assistant|>: Let's think step by step and solve the problem with code.");
            assertThat(row.get("completion").asText()).isEqualTo(Solutions.of(p).codeOverthinking());
        }
    }

    @Test
    void should_be_read_by_the_trainer_as_prompt_then_solution_then_end_of_text() {
        Path out = dir.resolve("sft-read.jsonl");
        SftData.write(worldFile, ReferenceStyle.CODE_OVERTHINKING, out);
        Path tokenizerDir = dir.resolve("tokenizer");
        HfTokenizerFiles.write(tokenizerDir, TokenizerTrainer.train(TrainingText.read(worldFile), 800));
        try (HfTokenizer tokenizer = HfTokenizer.load(tokenizerDir)) {
            TrainingData data = TrainingDataReader.read(out, tokenizer, Objective.SFT, DataOptions.defaults());
            assertThat(data.examples()).hasSameSizeAs(problems);
            assertThat(data.separatelyEncoded()).as("no token straddles the prompt's end").isZero();
            for (int i = 0; i < problems.size(); i++) {
                WorldProblem p = problems.get(i);
                SequenceExample example = (SequenceExample) data.examples().get(i);
                String prompt = CodeStepProtocol.DEFAULT_PROMPT.render(p.question(), Optional.empty());
                assertThat(example.prompt()).isEqualTo(tokenizer.encode(prompt));
                int[] response = example.response();
                assertThat(response[response.length - 1]).as("end of text").isZero();
                assertThat(tokenizer.decode(Arrays.copyOf(response, response.length - 1)))
                        .isEqualTo(Solutions.of(p).codeOverthinking());
            }
        }
    }

    @Test
    void should_write_concise_and_chain_of_thought_styles_with_their_protocols_prompt() throws IOException {
        Path out = dir.resolve("sft-cot.jsonl");
        SftData.write(worldFile, ReferenceStyle.of("cot", "concise"), out);
        JsonNode row = JSON.readTree(Files.readAllLines(out).getFirst());
        WorldProblem p = problems.getFirst();
        assertThat(row.get("prompt").asText()).isEqualTo(ReferenceStyle.COT_CONCISE.prompt().render(p.question(),
                Optional.empty())).endsWith("within \\boxed{}.\n");
        assertThat(row.get("completion").asText()).isEqualTo(Solutions.of(p).cotConcise());
    }

    @Test
    void should_refuse_an_unknown_style_and_a_file_without_solutions() throws IOException {
        assertThatThrownBy(() -> ReferenceStyle.of("code", "terse"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'terse'").hasMessageContaining("code/overthinking");
        Path bare = dir.resolve("bare.jsonl");
        Files.writeString(bare, "{\"id\": \"q1\", \"question\": \"What is 2+3?\", \"answer\": \"5\"}\n");
        Path never = dir.resolve("never.jsonl");
        assertThatThrownBy(() -> SftData.write(bare, ReferenceStyle.CODE_OVERTHINKING, never))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bare.jsonl").hasMessageContaining("q1")
                .hasMessageContaining("solution_overthinking");
        assertThat(never).doesNotExist();
    }
}
