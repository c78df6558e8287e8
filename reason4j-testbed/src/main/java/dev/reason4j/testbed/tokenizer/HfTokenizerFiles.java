package dev.reason4j.testbed.tokenizer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.testbed.AtomicFile;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a trained vocabulary as a Hugging Face tokenizer directory: {@code tokenizer.json} (byte-level BPE with
 * Qwen2's pre-tokenizer, the special tokens as added tokens) and {@code tokenizer_config.json} (end-of-text as
 * end-of-sequence and padding token, and a ChatML chat template). {@code dev.reason4j.lm.hf.HfTokenizer}, the
 * {@code tokenizers} library and {@code transformers} load it.
 */
public final class HfTokenizerFiles {

    public static final String TOKENIZER_JSON = "tokenizer.json";
    public static final String TOKENIZER_CONFIG_JSON = "tokenizer_config.json";

    /** ChatML, as Qwen2 writes conversations; the generation prompt opens the assistant's turn. */
    public static final String CHAT_TEMPLATE = "{% for message in messages %}"
            + "{{ '" + SpecialTokens.IM_START + "' + message['role'] + '\\n' + message['content'] + '" + SpecialTokens.IM_END
            + "' + '\\n' }}{% endfor %}"
            + "{% if add_generation_prompt %}{{ '" + SpecialTokens.IM_START + "assistant\\n' }}{% endif %}";

    /** Longest sequence a model trained with this tokenizer is said to take, in tokens. */
    static final int MODEL_MAX_LENGTH = 4096;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private HfTokenizerFiles() {}

    /** Writes both files into {@code dir}, creating it, each replaced only once it is complete. */
    public static void write(Path dir, BpeVocabulary vocabulary) {
        AtomicFile.write(dir.resolve(TOKENIZER_JSON), out -> JSON.writeValue(out, tokenizerJson(vocabulary)));
        AtomicFile.write(dir.resolve(TOKENIZER_CONFIG_JSON), out -> JSON.writeValue(out, tokenizerConfig(vocabulary)));
    }

    static ObjectNode tokenizerJson(BpeVocabulary vocabulary) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        for (int id = 0; id < vocabulary.specials(); id++) {
            ObjectNode token = added.addObject();
            token.put("id", id);
            addedTokenFields(token, vocabulary.tokens().get(id));
        }
        root.putNull("normalizer");
        ObjectNode pre = root.putObject("pre_tokenizer");
        pre.put("type", "Sequence");
        ArrayNode steps = pre.putArray("pretokenizers");
        ObjectNode split = steps.addObject();
        split.put("type", "Split");
        split.putObject("pattern").put("Regex", PreTokenizer.PATTERN);
        split.put("behavior", "Isolated");
        split.put("invert", false);
        byteLevel(steps.addObject());
        byteLevel(root.putObject("post_processor"));
        byteLevel(root.putObject("decoder"));
        ObjectNode model = root.putObject("model");
        model.put("type", "BPE");
        model.putNull("dropout");
        model.putNull("unk_token");
        model.putNull("continuing_subword_prefix");
        model.putNull("end_of_word_suffix");
        model.put("fuse_unk", false);
        model.put("byte_fallback", false);
        model.put("ignore_merges", false);
        ObjectNode vocab = model.putObject("vocab");
        List<String> tokens = vocabulary.tokens();
        for (int id = 0; id < tokens.size(); id++) {
            vocab.put(tokens.get(id), id);
        }
        ArrayNode merges = model.putArray("merges");
        vocabulary.merges().forEach(m -> merges.addArray().add(m.left()).add(m.right()));
        return root;
    }

    static ObjectNode tokenizerConfig(BpeVocabulary vocabulary) {
        ObjectNode config = JSON.createObjectNode();
        config.put("add_bos_token", false);
        ObjectNode decoder = config.putObject("added_tokens_decoder");
        for (int id = 0; id < vocabulary.specials(); id++) {
            addedTokenFields(decoder.putObject(Integer.toString(id)), vocabulary.tokens().get(id));
        }
        ArrayNode additional = config.putArray("additional_special_tokens");
        vocabulary.tokens().subList(1, vocabulary.specials()).forEach(additional::add);
        config.putNull("bos_token");
        config.put("chat_template", CHAT_TEMPLATE);
        config.put("clean_up_tokenization_spaces", false);
        config.put("eos_token", SpecialTokens.END_OF_TEXT);
        config.put("model_max_length", MODEL_MAX_LENGTH);
        config.put("pad_token", SpecialTokens.END_OF_TEXT);
        config.put("tokenizer_class", "PreTrainedTokenizerFast");
        config.putNull("unk_token");
        return config;
    }

    private static void addedTokenFields(ObjectNode token, String content) {
        token.put("content", content);
        token.put("single_word", false);
        token.put("lstrip", false);
        token.put("rstrip", false);
        token.put("normalized", false);
        token.put("special", true);
    }

    /** Byte-level step without its own regex: the Split before it already cut the text. */
    private static void byteLevel(ObjectNode node) {
        node.put("type", "ByteLevel");
        node.put("add_prefix_space", false);
        node.put("trim_offsets", false);
        node.put("use_regex", false);
    }
}
