package dev.reason4j.app.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reader could not read or show (a missing file, a line that is not JSON), for the page to display instead
 * of failing. Keeps the first {@value #KEPT} notes and counts the rest, so a file of bad lines stays one screen.
 */
final class Notes {

    static final int KEPT = 20;

    private final List<String> notes = new ArrayList<>();
    private int dropped;

    void add(String note) {
        if (notes.contains(note)) {
            return;
        }
        if (notes.size() < KEPT) {
            notes.add(note);
        } else {
            dropped++;
        }
    }

    void addAll(Notes other) {
        other.notes.forEach(this::add);
        dropped += other.dropped;
    }

    boolean isEmpty() {
        return notes.isEmpty();
    }

    /** The notes, with a last line counting those left out. */
    List<String> list() {
        if (dropped == 0) {
            return List.copyOf(notes);
        }
        List<String> all = new ArrayList<>(notes);
        all.add("… and " + dropped + " more notes like these");
        return all;
    }
}
