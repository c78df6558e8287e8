package dev.reason4j.lm.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.core.dataset.LoadOptions;
import dev.reason4j.core.provenance.Hashing;
import dev.reason4j.lm.ChatMessage;
import dev.reason4j.lm.LmFixtures;
import dev.reason4j.lm.Tokenizer;
import dev.reason4j.lm.hf.HfTokenizer;
import dev.reason4j.lm.train.AdvantageExample;
import dev.reason4j.lm.train.Objective;
import dev.reason4j.lm.train.PreferenceExample;
import dev.reason4j.lm.train.SequenceExample;
import dev.reason4j.lm.train.StepPairsExample;
import dev.reason4j.lm.train.StepValueExample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingDataReaderTest {

    static final String CHATML = """
            {%- for message in messages %}
                {{- '<|im_start|>' + message.role + '\\n' + message.content + '<|im_end|>' + '\\n' }}
            {%- endfor %}
            {%- if add_generation_prompt %}
                {{- '<|im_start|>assistant\\n' }}
            {%- endif %}
            """;

    private static Tokenizer plain;
    private static Tokenizer chatml;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadTokenizers() throws Exception {
        plain = HfTokenizer.load(LmFixtures.checkpoint(LmFixtures.QWEN2_F32));
        chatml = HfTokenizer.load(chatTemplateCheckpoint(shared.resolve("chatml"), CHATML));
    }

    @AfterAll
    static void closeTokenizers() {
        plain.close();
        chatml.close();
    }

    /** The fixture tokenizer with a chat template and {@code <|im_end|>} as end of sequence. */
    static Path chatTemplateCheckpoint(Path dir, String template) throws Exception {
        Files.createDirectories(dir);
        Files.copy(LmFixtures.checkpoint(LmFixtures.QWEN2_F32).resolve("tokenizer.json"), dir.resolve("tokenizer.json"));
        Files.writeString(dir.resolve("tokenizer_config.json"), new ObjectMapper().createObjectNode()
                .put("eos_token", "<|im_end|>").put("chat_template", template).toString());
        return dir;
    }

    @Test
    void should_mask_a_text_prompt_at_its_own_tokens_and_end_the_reply_with_eos() throws Exception {
        Path file = write("sft.jsonl", """
                {"prompt": "Tom has 3 apples and buys 2 more. How many?", "completion": " 5 apples."}
                """);

        TrainingData data = read(file, plain, Objective.SFT);

        assertThat(data.format()).isEqualTo(DataFormat.TRL_COMPLETION);
        SequenceExample example = (SequenceExample) data.examples().getFirst();
        assertThat(example.prompt()).containsExactly(plain.encode("Tom has 3 apples and buys 2 more. How many?"));
        assertThat(concat(example.prompt(), example.response()))
                .containsExactly(plain.encode("Tom has 3 apples and buys 2 more. How many? 5 apples.<|endoftext|>"));
        assertThat(example.response()[example.response().length - 1]).isZero();
        assertThat(example.weight()).isEqualTo(1.0);
        assertThat(example.source()).isEqualTo("sft.jsonl:1");
        assertThat(data.separatelyEncoded()).isZero();
        assertThat(data.source().sha256()).isEqualTo(Hashing.sha256(file));
    }

    @Test
    void should_keep_the_prompt_tokens_when_bpe_would_merge_across_the_boundary() throws Exception {
        String prompt = "The answer is ";
        int[] promptIds = plain.encode(prompt);
        assertThat(Arrays.copyOf(plain.encode(prompt + "5"), promptIds.length)).as("precondition: ' 5' is one "
                + "token, so the prompt's last token differs when tokenized together").isNotEqualTo(promptIds);
        Path file = write("straddle.jsonl", "{\"prompt\": \"The answer is \", \"completion\": \"5\"}\n");

        TrainingData data = read(file, plain, Objective.SFT);

        SequenceExample example = (SequenceExample) data.examples().getFirst();
        assertThat(example.prompt()).containsExactly(plain.encode(prompt));
        assertThat(example.response()).containsExactly(plain.encode("5<|endoftext|>"));
        assertThat(data.separatelyEncoded()).isEqualTo(1);
    }

    @Test
    void should_train_every_assistant_turn_of_a_conversation_through_the_chat_template() throws Exception {
        Path file = write("chat.jsonl", """
                {"messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "2+3?"},
                  {"role": "assistant", "content": "5"}, {"role": "user", "content": "times 4?"},
                  {"role": "assistant", "content": "20"}]}
                """.replace("\n  ", " "));

        TrainingData data = read(file, chatml, Objective.SFT);

        assertThat(data.chatTemplate()).isTrue();
        assertThat(data.examples()).hasSize(2);
        SequenceExample first = (SequenceExample) data.examples().get(0);
        SequenceExample second = (SequenceExample) data.examples().get(1);
        assertThat(first.source()).isEqualTo("chat.jsonl:1#1");
        assertThat(chatml.decode(first.prompt())).isEqualTo(
                "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\n2+3?<|im_end|>\n<|im_start|>assistant\n");
        assertThat(chatml.decode(first.response())).isEqualTo("5<|im_end|>\n");
        assertThat(chatml.decode(second.response())).isEqualTo("20<|im_end|>\n");
        String whole = chatml.applyChatTemplate(List.of(ChatMessage.system("Be brief."), ChatMessage.user("2+3?"),
                ChatMessage.assistant("5"), ChatMessage.user("times 4?"), ChatMessage.assistant("20")), false);
        assertThat(concat(second.prompt(), second.response())).containsExactly(chatml.encode(whole));
        assertThat(chatml.decode(second.prompt())).contains("5<|im_end|>").endsWith("<|im_start|>assistant\n");
    }

    @Test
    void should_use_the_plain_layout_when_the_tokenizer_has_no_chat_template() throws Exception {
        Path file = write("chat.jsonl", """
                {"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"}]}
                """);

        TrainingData data = read(file, plain, Objective.SFT);

        SequenceExample example = (SequenceExample) data.examples().getFirst();
        assertThat(data.chatTemplate()).isFalse();
        assertThat(plain.decode(example.prompt())).isEqualTo("### User:\nHi\n\n### Assistant:\n");
        assertThat(plain.decode(example.response())).isEqualTo("Hello<|endoftext|>");
    }

    @Test
    void should_read_trl_preferences_in_standard_conversational_and_implicit_prompt_forms() throws Exception {
        Path file = write("dpo.jsonl", """
                {"prompt": "2+3=", "chosen": "5", "rejected": "6"}
                {"prompt": [{"role": "user", "content": "2+3?"}], "chosen": [{"role": "assistant", "content": "5"}], "rejected": [{"role": "assistant", "content": "6"}]}
                {"chosen": [{"role": "user", "content": "2+3?"}, {"role": "assistant", "content": "5"}], "rejected": [{"role": "user", "content": "2+3?"}, {"role": "assistant", "content": "6"}]}
                """);

        TrainingData data = read(file, chatml, Objective.DPO);

        assertThat(data.format()).isEqualTo(DataFormat.TRL_PREFERENCE);
        PreferenceExample standard = (PreferenceExample) data.examples().get(0);
        assertThat(standard.prompt()).containsExactly(chatml.encode("2+3="));
        assertThat(chatml.decode(standard.chosen())).isEqualTo("5<|im_end|>");
        assertThat(chatml.decode(standard.rejected())).isEqualTo("6<|im_end|>");
        PreferenceExample conversational = (PreferenceExample) data.examples().get(1);
        PreferenceExample implicit = (PreferenceExample) data.examples().get(2);
        assertThat(chatml.decode(conversational.prompt())).isEqualTo("<|im_start|>user\n2+3?<|im_end|>\n<|im_start|>assistant\n");
        assertThat(chatml.decode(conversational.chosen())).isEqualTo("5<|im_end|>\n");
        assertThat(implicit.prompt()).containsExactly(conversational.prompt());
        assertThat(implicit.chosen()).containsExactly(conversational.chosen());
        assertThat(implicit.rejected()).containsExactly(conversational.rejected());
    }

    @Test
    void should_read_llama_factory_with_history_and_weight_for_sft_and_as_advantage_for_lh() throws Exception {
        Path file = write("lf.jsonl", """
                {"instruction": "Add", "input": "2 and 3", "output": "5", "system": "Be brief.", "history": [["1+1?", "2"]], "weight": 0.5}
                """);

        TrainingData sft = read(file, chatml, Objective.SFT);
        TrainingData lh = read(file, chatml, Objective.LH);

        assertThat(sft.format()).isEqualTo(DataFormat.LLAMA_FACTORY);
        assertThat(sft.examples()).hasSize(2).allSatisfy(e -> assertThat(((SequenceExample) e).weight()).isEqualTo(0.5));
        SequenceExample history = (SequenceExample) sft.examples().get(0);
        SequenceExample output = (SequenceExample) sft.examples().get(1);
        assertThat(chatml.decode(history.response())).isEqualTo("2<|im_end|>\n");
        assertThat(chatml.decode(output.prompt())).isEqualTo("<|im_start|>system\nBe brief.<|im_end|>\n"
                + "<|im_start|>user\n1+1?<|im_end|>\n<|im_start|>assistant\n2<|im_end|>\n"
                + "<|im_start|>user\nAdd\n2 and 3<|im_end|>\n<|im_start|>assistant\n");
        assertThat(lh.examples()).singleElement().isInstanceOfSatisfying(AdvantageExample.class, e -> {
            assertThat(e.advantage()).isEqualTo(0.5);
            assertThat(e.prompt()).containsExactly(output.prompt());
            assertThat(e.response()).containsExactly(output.response());
            assertThat(e.referenceMeanLogprob()).isEmpty();
        });
    }

    @Test
    void should_read_llama_factory_preferences_from_a_json_array() throws Exception {
        Path file = write("lf-dpo.json", """
                [
                  {"instruction": "2+3?", "chosen": "5", "rejected": "6"},
                  {"instruction": "2+2?", "input": "", "chosen": "4", "rejected": "5"}
                ]
                """);

        TrainingData data = read(file, plain, Objective.DPO);

        assertThat(data.format()).isEqualTo(DataFormat.LLAMA_FACTORY_PREFERENCE);
        assertThat(data.examples()).extracting(e -> e.source()).containsExactly("lf-dpo.json:2", "lf-dpo.json:3");
        PreferenceExample second = (PreferenceExample) data.examples().get(1);
        assertThat(plain.decode(second.prompt())).isEqualTo("### User:\n2+2?\n\n### Assistant:\n");
        assertThat(plain.decode(second.rejected())).isEqualTo("5<|endoftext|>");
    }

    @Test
    void should_read_ppm_step_pairs_and_step_values() throws Exception {
        Path pairs = write("ppm.jsonl", """
                {"prompt": "Q: 2+3*4?\\n", "prefix_steps": ["3*4=12\\n"], "positive": ["2+12=14\\n"], "negative": ["2+12=15\\n", "5*4=20\\n"]}
                """);
        Path values = write("pqm.jsonl", """
                {"prompt": "Q: 2+3*4?\\n", "steps": ["3*4=12\\n", "2+12=14\\n"], "q": 0.75}
                """);

        StepPairsExample node = (StepPairsExample) read(pairs, plain, Objective.PPM).examples().getFirst();
        StepValueExample value = (StepValueExample) read(values, plain, Objective.PQM).examples().getFirst();

        assertThat(node.prefix()).containsExactly(plain.encode("Q: 2+3*4?\n3*4=12\n"));
        assertThat(node.positives()).hasSize(1);
        assertThat(node.negatives()).hasSize(2);
        assertThat(concat(node.prefix(), node.negatives().get(1))).containsExactly(plain.encode("Q: 2+3*4?\n3*4=12\n5*4=20\n"));
        assertThat(plain.decode(node.positives().getFirst())).as("no end-of-sequence after a step").isEqualTo("2+12=14\n");
        assertThat(value.prefix()).containsExactly(node.prefix());
        assertThat(value.step()).containsExactly(node.positives().getFirst());
        assertThat(value.target()).isEqualTo(0.75);
    }

    @Test
    void should_read_outcome_labels_and_advantages_from_prompt_completion_records() throws Exception {
        Path file = write("orm.jsonl", """
                {"prompt": "2+3=", "completion": "5", "label": true, "advantage": -0.25, "reference_mean_logprob": -1.5}
                {"prompt": "2+3=", "completion": "6", "label": 0, "advantage": 0.5}
                """);

        TrainingData orm = read(file, plain, Objective.ORM);
        TrainingData lh = read(file, plain, Objective.LH);

        assertThat(orm.examples()).extracting(e -> ((SequenceExample) e).label()).containsExactly(1.0, 0.0);
        assertThat(lh.examples()).extracting(e -> ((AdvantageExample) e).advantage()).containsExactly(-0.25, 0.5);
        assertThat(((AdvantageExample) lh.examples().getFirst()).referenceMeanLogprob()).hasValue(-1.5);
    }

    @Test
    void should_refuse_data_that_holds_no_example_of_the_objective() throws Exception {
        Path file = write("sft.jsonl", "{\"prompt\": \"2+3=\", \"completion\": \"5\"}\n");

        assertThatThrownBy(() -> read(file, plain, Objective.DPO))
                .isInstanceOf(TrainingDataException.class)
                .hasMessageContaining("looks like (from line 1) trl-completion")
                .hasMessageContaining("trl-preference (fields: [prompt,] chosen, rejected)")
                .hasMessageContaining("llamafactory-preference");
        assertThatThrownBy(() -> TrainingDataReader.read(file, plain, Objective.SFT,
                        DataOptions.defaults().withFormat(DataFormat.STEP_VALUES)))
                .hasMessageContaining("is read as step-values");
        assertThatThrownBy(() -> TrainingDataReader.read(file, plain, Objective.SFT,
                        DataOptions.defaults().withFormat(DataFormat.TRL_PREFERENCE)))
                .isInstanceOf(TrainingDataException.class);
    }

    @Test
    void should_name_file_line_and_field_of_a_bad_record() throws Exception {
        Path file = write("dpo.jsonl", """
                {"prompt": "2+3=", "chosen": "5", "rejected": "6"}
                {"prompt": "2+3=", "chosen": "5", "rejected": 6}
                {"prompt": "2+3=", "chosen": "5",
                {"prompt": "2+2=", "chosen": "4", "rejected": "5"}
                """);

        assertThatThrownBy(() -> read(file, plain, Objective.DPO))
                .isInstanceOf(TrainingDataException.class)
                .hasMessage(file + " line 2, field 'rejected': expected a string, got number 6")
                .satisfies(e -> {
                    TrainingDataException t = (TrainingDataException) e;
                    assertThat(t.line()).isEqualTo(2);
                    assertThat(t.field()).hasValue("rejected");
                });

        TrainingData skipping = TrainingDataReader.read(file, plain, Objective.DPO,
                DataOptions.defaults().withLoad(LoadOptions.skippingBadRecords()));

        assertThat(skipping.examples()).extracting(e -> e.source()).containsExactly("dpo.jsonl:1", "dpo.jsonl:4");
        assertThat(skipping.records()).isEqualTo(4);
        assertThat(skipping.skipped()).isEqualTo(2);
        assertThat(skipping.skipReasons()).hasSize(2);
        assertThat(skipping.skipReasons().get(1)).startsWith(file + " line 3: invalid JSON");
        assertThat(skipping.summary()).contains("2 bad records skipped");
    }

    @Test
    void should_name_nested_fields_of_messages() throws Exception {
        Path file = write("chat.jsonl", """
                {"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant"}]}
                """);

        assertThatThrownBy(() -> read(file, plain, Objective.SFT))
                .hasMessage(file + " line 1, field 'messages.1.content': missing");
    }

    @Test
    void should_say_which_fields_it_found_when_it_cannot_tell_the_format() throws Exception {
        Path file = write("odd.jsonl", "{\"question\": \"2+3\", \"answer\": \"5\"}\n");

        assertThatThrownBy(() -> read(file, plain, Objective.SFT))
                .hasMessageStartingWith(file + " line 1: cannot tell the data format from the fields [question, answer]")
                .hasMessageContaining("trl-messages (messages [, weight])");
    }

    @Test
    void should_refuse_a_lh_record_without_an_advantage_and_a_file_without_examples() throws Exception {
        Path file = write("lh.jsonl", "{\"instruction\": \"2+3?\", \"output\": \"5\"}\n");
        Path empty = write("empty.jsonl", "\n\n");

        assertThatThrownBy(() -> read(file, plain, Objective.LH))
                .hasMessageStartingWith(file + " line 1, field 'advantage': missing");
        assertThatThrownBy(() -> read(empty, plain, Objective.SFT))
                .hasMessage(empty + ": holds no usable example of a prompt and a reply (0 records, 0 bad, 0 too long)");
    }

    @Test
    void should_truncate_or_skip_sequences_over_the_length_limit_and_count_them() throws Exception {
        String prompt = "Tom has 3 apples.";
        int promptTokens = plain.encode(prompt).length;
        Path file = write("long.jsonl", """
                {"prompt": "Tom has 3 apples.", "completion": " He buys 2 more and then he has 5 apples."}
                {"prompt": "Tom has 3 apples.", "completion": " 5"}
                {"prompt": "Tom has 3 apples. Tom has 3 apples.", "completion": " 5"}
                """);
        int max = promptTokens + 4;

        TrainingData truncated = TrainingDataReader.read(file, plain, Objective.SFT, DataOptions.defaults()
                .withLengthLimit(new LengthLimit(max, LengthLimit.Overflow.TRUNCATE)));
        TrainingData skipped = TrainingDataReader.read(file, plain, Objective.SFT, DataOptions.defaults()
                .withLengthLimit(new LengthLimit(max, LengthLimit.Overflow.SKIP)));

        assertThat(truncated.examples()).hasSize(2);
        SequenceExample cut = (SequenceExample) truncated.examples().getFirst();
        assertThat(cut.response()).containsExactly(Arrays.copyOf(
                plain.encode(" He buys 2 more and then he has 5 apples.<|endoftext|>"), 4));
        assertThat(truncated.truncated()).isEqualTo(1);
        assertThat(truncated.tooLong()).as("its prompt leaves no room").isEqualTo(1);
        assertThat(skipped.examples()).extracting(e -> e.source()).containsExactly("long.jsonl:2");
        assertThat(skipped.truncated()).isZero();
        assertThat(skipped.tooLong()).isEqualTo(2);
        assertThat(truncated.examples()).allSatisfy(e -> assertThat(e.tokenCount()).isLessThanOrEqualTo(max));
    }

    @Test
    void should_leave_out_step_examples_over_the_limit_rather_than_cut_them() throws Exception {
        Path file = write("ppm.jsonl", """
                {"prompt": "Q\\n", "positive": ["a\\n"], "negative": ["b\\n"]}
                {"prompt": "Q\\n", "positive": ["a long positive step that does not fit\\n"], "negative": ["b\\n"]}
                """);

        TrainingData data = TrainingDataReader.read(file, plain, Objective.PPM, DataOptions.defaults()
                .withLengthLimit(new LengthLimit(6, LengthLimit.Overflow.TRUNCATE)));

        assertThat(data.examples()).extracting(e -> e.source()).containsExactly("ppm.jsonl:1");
        assertThat(data.tooLong()).isEqualTo(1);
        assertThat(data.truncated()).isZero();
    }

    @Test
    void should_refuse_a_chat_template_whose_prompt_is_not_a_prefix_of_the_conversation() throws Exception {
        String stripsReplies = "{%- for m in messages %}{% if m.role == 'user' %}{{ 'U:' + m.content }}{% else %}"
                + "{{ 'A:' + m.content }}{% endif %}{%- endfor %}{% if add_generation_prompt %}{{ 'A: ' }}{% endif %}";
        try (Tokenizer odd = HfTokenizer.load(chatTemplateCheckpoint(dir.resolve("odd"), stripsReplies))) {
            Path file = write("chat.jsonl", """
                    {"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"}]}
                    """);

            assertThatThrownBy(() -> read(file, odd, Objective.SFT))
                    .hasMessageStartingWith(file + " line 1: the chat template renders the prompt differently")
                    .hasMessageContaining("differ at character 6")
                    .hasMessageContaining("cannot be masked");
        }
    }

    @Test
    void should_detect_formats_and_parse_their_names() {
        ObjectMapper json = new ObjectMapper();
        List<String> records = List.of("{\"messages\": []}", "{\"prompt\": 1, \"completion\": 2}",
                "{\"chosen\": 1, \"rejected\": 2}", "{\"instruction\": 1, \"output\": 2}",
                "{\"instruction\": 1, \"chosen\": 2, \"rejected\": 3}", "{\"prompt\": 1, \"positive\": 2, \"negative\": 3}",
                "{\"prompt\": 1, \"steps\": 2, \"q\": 3}");
        List<DataFormat> detected = records.stream().map(r -> {
            try {
                return DataFormat.detect(json.readTree(r));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();

        assertThat(detected).containsExactly(DataFormat.values());
        assertThat(IntStream.range(0, DataFormat.values().length)
                .mapToObj(i -> DataFormat.parse(DataFormat.values()[i].cliName()))).containsExactly(DataFormat.values());
        assertThatThrownBy(() -> DataFormat.parse("alpaca")).hasMessageContaining("known: trl-messages, trl-completion");
    }

    @Test
    void should_refuse_a_negative_length_limit_or_no_overflow_policy() {
        assertThatThrownBy(() -> new LengthLimit(-1, LengthLimit.Overflow.SKIP))
                .hasMessage("maxTokens must be >= 0 (0 = no limit), got -1");
        assertThatThrownBy(() -> new LengthLimit(8, null)).hasMessageContaining("overflow must be TRUNCATE or SKIP");
        assertThat(new LengthLimit(8, LengthLimit.Overflow.SKIP).fits(9)).isFalse();
        assertThat(LengthLimit.none().fits(Long.MAX_VALUE)).isTrue();
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private static TrainingData read(Path file, Tokenizer tokenizer, Objective objective) {
        return TrainingDataReader.read(file, tokenizer, objective, DataOptions.defaults());
    }

    private static int[] concat(int[] a, int[] b) {
        int[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
