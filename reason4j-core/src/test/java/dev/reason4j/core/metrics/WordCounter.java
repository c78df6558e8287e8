package dev.reason4j.core.metrics;

/** Counts whitespace-separated words, so tests can count tokens by hand. */
final class WordCounter implements TokenCounter {

    @Override
    public int count(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    @Override
    public String name() {
        return "words";
    }

    @Override
    public boolean approximate() {
        return true;
    }
}
