package dev.reason4j.recipes.evolve;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.reason4j.recipes.RecipeInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML configuration file read as a tree, with the line of every key, so that an error can name the file, the
 * line and the field: {@code evolve.yaml line 7, field 'mcts.rollouts': must be >= 1, was 0}.
 */
final class ConfigFile {

    private final Path file;
    private final ObjectNode root;
    private final Map<String, Integer> lines;

    private ConfigFile(Path file, ObjectNode root, Map<String, Integer> lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    /**
     * Reads {@code file}.
     *
     * @throws RecipeInputException when it cannot be read, is not YAML, or is not a mapping at the top
     */
    static ConfigFile read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new RecipeInputException(file + ": no such file");
        } catch (IOException e) {
            throw new RecipeInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        JsonNode tree;
        Map<String, Integer> lines;
        try {
            tree = new YAMLMapper().readTree(text);
            lines = keyLines(text);
        } catch (JsonProcessingException e) {
            throw new RecipeInputException(file + " line " + e.getLocation().getLineNr() + ": not valid YAML: "
                    + e.getOriginalMessage(), e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new RecipeInputException(file + ": is empty");
        }
        if (!tree.isObject()) {
            throw new RecipeInputException(file + " line 1: expected a mapping of settings (key: value), found "
                    + tree.getNodeType());
        }
        return new ConfigFile(file, (ObjectNode) tree, lines);
    }

    /** The top-level settings. */
    ConfigSection root() {
        return new ConfigSection(this, root, "");
    }

    /** Relative paths in the file are relative to its directory. */
    Path resolve(String path) {
        Path parent = file.toAbsolutePath().getParent();
        return parent.resolve(path).normalize();
    }

    /** An error about the field at dotted {@code path}, at its line when the file has that key. */
    RecipeInputException error(String path, String reason) {
        String where = file.toString();
        for (String p = path; !p.isEmpty(); p = p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : "") {
            Integer line = lines.get(p);
            if (line != null) {
                where += " line " + line;
                break;
            }
        }
        return new RecipeInputException(where + (path.isEmpty() ? "" : ", field '" + path + "'") + ": " + reason);
    }

    /** The line of every key of every mapping, by dotted path ({@code train.policy.learning_rate}). */
    private static Map<String, Integer> keyLines(String text) throws JsonProcessingException {
        Map<String, Integer> lines = new HashMap<>();
        Deque<String> open = new ArrayDeque<>(); // the paths of the containers being read, innermost first
        String key = null;
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                String here = open.isEmpty() ? "" : open.peek();
                switch (token) {
                    case FIELD_NAME -> {
                        key = here.isEmpty() ? parser.currentName() : here + "." + parser.currentName();
                        lines.putIfAbsent(key, parser.currentTokenLocation().getLineNr());
                    }
                    case START_OBJECT, START_ARRAY -> {
                        open.push(key == null ? here : key);
                        key = null;
                    }
                    case END_OBJECT, END_ARRAY -> open.pop();
                    default -> key = null;
                }
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading YAML from a string", e);
        }
        return lines;
    }
}
