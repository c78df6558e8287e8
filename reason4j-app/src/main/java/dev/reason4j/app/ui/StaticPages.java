package dev.reason4j.app.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The UI's pages and scripts, read once from the jar ({@code dev/reason4j/app/ui/}). Only the files listed here are
 * served, so no request names a resource path.
 */
final class StaticPages {

    /**
     * A file and its content type.
     *
     * @param bytes the file
     * @param contentType its media type with charset
     */
    record Page(byte[] bytes, String contentType) {}

    static final List<String> FILES = List.of("index.html", "app.css", "util.js", "charts.js", "runs.js",
            "problem.js", "tree.js", "training.js", "app.js");
    private static final String DIRECTORY = "/dev/reason4j/app/ui/";

    private final Map<String, Page> pages = new LinkedHashMap<>();

    StaticPages() {
        for (String name : FILES) {
            pages.put(name, new Page(read(name), contentType(name)));
        }
    }

    /** The file at {@code /name}; {@code /} is {@code index.html}. */
    Optional<Page> find(String path) {
        String name = path.equals("/") ? "index.html" : path.substring(1);
        return Optional.ofNullable(pages.get(name));
    }

    private static byte[] read(String name) {
        try (InputStream in = StaticPages.class.getResourceAsStream(DIRECTORY + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks the UI file " + DIRECTORY + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the UI file " + name, e);
        }
    }

    private static String contentType(String name) {
        String type = name.endsWith(".html") ? "text/html" : name.endsWith(".css") ? "text/css" : "text/javascript";
        return type + "; charset=utf-8";
    }
}
