package dev.reason4j.testbed.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reason4j.core.dataset.DatasetException;
import dev.reason4j.lm.ChatMessage;
import dev.reason4j.lm.hf.HfTokenizer;
import dev.reason4j.testbed.world.Solutions;
import dev.reason4j.testbed.world.TierRange;
import dev.reason4j.testbed.world.WorldConfig;
import dev.reason4j.testbed.world.WorldGenerator;
import dev.reason4j.testbed.world.WorldJsonl;
import dev.reason4j.testbed.world.WorldProblem;
import dev.reason4j.testbed.world.WorldSplit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project's BPE tokenizer, trained on testbed text and loaded back through DJL's Hugging Face tokenizers. */
class TokenizerTest {

    /** Below what this text saturates at (all of its words whole), so the asked size is reached exactly. */
    private static final int VOCAB = 1024;

    @TempDir
    static Path dir;
    private static WorldSplit world;
    private static List<String> trainingTexts;
    private static BpeVocabulary vocabulary;
    private static HfTokenizer tokenizer;

    private static List<String> texts(List<WorldProblem> problems) {
        List<String> texts = new ArrayList<>();
        for (WorldProblem p : problems) {
            Solutions s = Solutions.of(p);
            texts.addAll(List.of(p.question(), s.codeConcise(), s.codeOverthinking(), s.cotConcise(), s.cotOverthinking()));
        }
        return texts;
    }

    @BeforeAll
    static void train() {
        world = WorldGenerator.generate(new WorldConfig(31, 400, 60, TierRange.ALL));
        trainingTexts = texts(world.train());
        vocabulary = TokenizerTrainer.train(trainingTexts, VOCAB);
        HfTokenizerFiles.write(dir, vocabulary);
        tokenizer = HfTokenizer.load(dir);
    }

    @AfterAll
    static void close() {
        if (tokenizer != null) {
            tokenizer.close();
        }
    }

    @Test
    void the_vocabulary_should_have_the_asked_size_and_distinct_tokens() {
        assertThat(vocabulary.size()).isEqualTo(VOCAB);
        assertThat(new HashSet<>(vocabulary.tokens())).hasSize(VOCAB);
        assertThat(vocabulary.merges().size()).isGreaterThanOrEqualTo(VOCAB - TokenizerTrainer.MIN_VOCAB);
        assertThat(vocabulary.tokens().subList(0, SpecialTokens.ALL.size())).isEqualTo(SpecialTokens.ALL);
    }

    @Test
    void special_tokens_should_be_single_ids() {
        for (int id = 0; id < SpecialTokens.ALL.size(); id++) {
            String special = SpecialTokens.ALL.get(id);
            assertThat(tokenizer.tokenId(special)).hasValue(id);
            assertThat(tokenizer.encode(special)).containsExactly(id);
            assertThat(tokenizer.encode("x" + special + "y")).hasSize(3).contains(id);
        }
        assertThat(tokenizer.specialTokens()).containsExactlyInAnyOrderElementsOf(SpecialTokens.ALL);
        assertThat(tokenizer.eosTokenIds()).containsExactly(0);
    }

    @Test
    void encoding_then_decoding_should_give_back_every_text() {
        List<String> texts = new ArrayList<>(texts(world.test()));
        texts.add("Unseen: café, naïve, 3½ × 2 − 1 ≈ 6, 数学, 🙂\ttab  two spaces\r\nwindows line\n\n\nend ");
        texts.add(tokenizer.applyChatTemplate(List.of(ChatMessage.user(world.test().getFirst().question())), true));
        for (String text : texts) {
            assertThat(tokenizer.decode(tokenizer.encode(text))).isEqualTo(text);
        }
    }

    @Test
    void hugging_face_should_cut_the_training_text_exactly_as_the_trainer_did() {
        long tokens = trainingTexts.stream().mapToLong(t -> tokenizer.encode(t).length).sum();

        assertThat(tokens).as("same pre-tokenizer and same merges in the same order").isEqualTo(vocabulary.trainingTokens());
        assertThat(vocabulary.bytesPerToken()).as("compression of the training text").isGreaterThan(2.5);
    }

    @Test
    void digits_should_stay_single_tokens_and_words_should_merge() {
        assertThat(tokenizer.encode("12345")).hasSize(5);
        assertThat(tokenizer.encode(" the")).hasSize(1);
        assertThat(tokenizer.encode(" the final answer")).hasSize(3);
    }

    @Test
    void the_chat_template_should_write_chatml() {
        String prompt = tokenizer.applyChatTemplate(List.of(ChatMessage.user("What is 2+3?")), true);

        assertThat(prompt).isEqualTo("<|im_start|>user\nWhat is 2+3?<|im_end|>\n<|im_start|>assistant\n");
        assertThat(tokenizer.encode(prompt)).startsWith(1).contains(2);
    }

    @Test
    void training_should_stop_when_no_pair_repeats() {
        BpeVocabulary saturated = TokenizerTrainer.train(trainingTexts, TokenizerTrainer.MAX_VOCAB);

        assertThat(saturated.size()).isLessThan(TokenizerTrainer.MAX_VOCAB).isGreaterThan(VOCAB);
        assertThat(saturated.tokens().subList(0, VOCAB)).as("a larger vocabulary extends a smaller one")
                .isEqualTo(vocabulary.tokens());
        assertThat(saturated.trainingTokens()).isLessThan(vocabulary.trainingTokens());
    }

    @Test
    void training_should_be_deterministic(@TempDir Path other) throws Exception {
        HfTokenizerFiles.write(other, TokenizerTrainer.train(trainingTexts, VOCAB));

        assertThat(Files.readString(other.resolve(HfTokenizerFiles.TOKENIZER_JSON)))
                .isEqualTo(Files.readString(dir.resolve(HfTokenizerFiles.TOKENIZER_JSON)));
    }

    @Test
    void bad_sizes_and_files_should_be_refused_clearly(@TempDir Path tmp) throws Exception {
        assertThatThrownBy(() -> TokenizerTrainer.train(List.of("a"), 100)).hasMessageContaining("vocab size must be in [266")
                .hasMessageContaining("got 100");
        Path plain = tmp.resolve("questions.jsonl");
        Files.writeString(plain, "{\"question\": \"What is 2+3?\", \"answer\": \"5\"}\n");
        assertThatThrownBy(() -> TrainingText.read(plain)).hasMessageContaining("questions.jsonl: no record has any of the fields");
        Path broken = tmp.resolve("broken.jsonl");
        Files.writeString(broken, "{\"question\": \"q\", \"answer\": \"1\", \"solution_concise\": \"x\"}\n{\"answer\": \"2\"}\n");
        assertThatThrownBy(() -> TrainingText.read(broken)).isInstanceOf(DatasetException.class).hasMessageContaining("line 2")
                .hasMessageContaining("question");
        Path world = tmp.resolve("train.jsonl");
        WorldJsonl.write(world, TokenizerTest.world.test().subList(0, 3));
        assertThat(TrainingText.read(world)).hasSize(3 * (1 + WorldJsonl.SOLUTION_FIELDS.size()));
    }
}
