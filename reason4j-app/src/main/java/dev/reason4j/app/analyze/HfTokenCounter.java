package dev.reason4j.app.analyze;

import dev.reason4j.core.metrics.TokenCounter;
import dev.reason4j.core.provenance.Hashing;
import dev.reason4j.lm.LanguageModelException;
import dev.reason4j.lm.hf.HfTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Exact token counts from a model's own Hugging Face {@code tokenizer.json} (through reason4j-lm's
 * {@link HfTokenizer}), without special tokens. Its {@link #name()} carries the file's hash, so two runs compare
 * lengths only when they counted with the same tokenizer.
 */
final class HfTokenCounter implements TokenCounter, AutoCloseable {

    private final HfTokenizer tokenizer;
    private final Path file;
    private final String name;

    private HfTokenCounter(HfTokenizer tokenizer, Path file) {
        this.tokenizer = tokenizer;
        this.file = file;
        this.name = "tokenizer.json sha256:" + Hashing.sha256(file).substring(0, 16);
    }

    /**
     * Loads a tokenizer.
     *
     * @param path a model directory holding {@code tokenizer.json}, or that file itself
     * @throws IllegalArgumentException naming the path when there is no loadable {@code tokenizer.json}
     */
    static HfTokenCounter load(Path path) {
        Path dir = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        Path file = dir.resolve("tokenizer.json");
        if (!Files.isDirectory(path) && !path.getFileName().toString().equals("tokenizer.json")) {
            throw new IllegalArgumentException("--tokenizer " + path + ": give a model directory or its tokenizer.json");
        }
        try {
            return new HfTokenCounter(HfTokenizer.load(dir), file);
        } catch (LanguageModelException e) {
            throw new IllegalArgumentException("--tokenizer " + path + ": " + e.getMessage(), e);
        }
    }

    /** The {@code tokenizer.json} the counts come from. */
    Path file() {
        return file;
    }

    @Override
    public int count(String text) {
        return text.isEmpty() ? 0 : tokenizer.encode(text, false).length;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean approximate() {
        return false;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
