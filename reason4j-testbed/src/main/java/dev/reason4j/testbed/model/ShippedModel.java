package dev.reason4j.testbed.model;

import dev.reason4j.core.provenance.Hashing;
import dev.reason4j.core.util.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.List;

/**
 * The models this module ships as resources under {@code dev/reason4j/testbed/model/<name>/}, trained from scratch
 * by {@code reason4j-testbed/train-default-model.sh}: Hugging Face model directories any {@code --model} option
 * takes. The engine memory-maps weights, so a model inside a jar is copied once into a cache directory named after
 * its content hash (a changed model gets a new directory); a model on the class path as a plain directory (a
 * source build's {@code target/classes}) is used where it lies.
 */
public enum ShippedModel {
    /** The default policy: a few-million-parameter Qwen2 model SFT-trained on the overthinking code solutions. */
    POLICY("policy"),
    /**
     * The process preference model of one rStar self-evolution round from the policy: a Qwen2 model with a value
     * head ({@code v_head.summary.*}) scoring the policy's code steps; it reads the policy's tokenizer.
     */
    PPM("ppm");

    /** The files of a shipped model; the first three are required. */
    static final List<String> FILES = List.of("config.json", "model.safetensors", "tokenizer.json",
            "generation_config.json", "tokenizer_config.json", "README.md");
    private static final int REQUIRED = 3;

    private final String name;

    ShippedModel(String name) {
        this.name = name;
    }

    /** The resource folder, {@code dev/reason4j/testbed/model/<name>/}. */
    public String resourceFolder() {
        return "dev/reason4j/testbed/model/" + name + "/";
    }

    /** Whether the model is on the class path. */
    public boolean available() {
        return resource(ShippedModel.class.getClassLoader(), FILES.getFirst()) != null;
    }

    /**
     * The model directory, copied out of the jar into {@code ~/.cache/reason4j/models} when needed.
     *
     * @throws IllegalStateException when the model is not on the class path
     * @throws UncheckedIOException when the cache cannot be written
     */
    public Path directory() {
        return directory(Path.of(System.getProperty("user.home"), ".cache", "reason4j", "models"));
    }

    /** The model directory; a model inside a jar is copied into a folder of {@code cacheRoot}. */
    public Path directory(Path cacheRoot) {
        return directory(cacheRoot, ShippedModel.class.getClassLoader());
    }

    /** The model directory as {@code loader} finds its files (tests load it from a jar of their own). */
    Path directory(Path cacheRoot, ClassLoader loader) {
        URL config = resource(loader, FILES.getFirst());
        if (config == null) {
            throw new IllegalStateException("the shipped model '" + name + "' is not on the class path (resource "
                    + resourceFolder() + "); retrain it with reason4j-testbed/train-default-model.sh");
        }
        if (config.getProtocol().equals("file")) {
            try {
                return Path.of(config.toURI()).getParent();
            } catch (URISyntaxException e) {
                throw new IllegalStateException("bad resource URL " + config, e);
            }
        }
        try {
            List<String> files = present(loader);
            Path target = cacheRoot.resolve("testbed-" + name + "-" + contentHash(loader, files).substring(0, 16));
            if (!Files.isRegularFile(target.resolve(FILES.getFirst()))) {
                copyOut(loader, files, target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the shipped model '" + name + "' into " + cacheRoot + ": "
                    + e.getMessage(), e);
        }
    }

    /** Copies the files into a fresh folder beside {@code target}, then renames it, so readers never see a part. */
    private void copyOut(ClassLoader loader, List<String> files, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempDirectory(target.getParent(), target.getFileName() + ".");
        try {
            for (String file : files) {
                try (InputStream in = resource(loader, file).openStream()) {
                    Files.copy(in, temp.resolve(file));
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (!Files.isRegularFile(target.resolve(FILES.getFirst()))) {
                    throw e;
                } // else another process copied it first, and its copy has the same content
            }
        } finally {
            FileTrees.deleteRecursively(temp);
        }
    }

    /** SHA-256 over each file's name and bytes: a changed model gets a new cache folder. */
    private String contentHash(ClassLoader loader, List<String> files) throws IOException {
        MessageDigest digest = Hashing.newSha256();
        for (String file : files) {
            digest.update(file.getBytes(StandardCharsets.UTF_8));
            try (InputStream in = new DigestInputStream(resource(loader, file).openStream(), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }
        return Hashing.hex(digest);
    }

    /** The shipped files {@code loader} finds; every required one must be there. */
    private List<String> present(ClassLoader loader) {
        for (String file : FILES.subList(0, REQUIRED)) {
            if (resource(loader, file) == null) {
                throw new IllegalStateException("the shipped model '" + name + "' lacks " + resourceFolder() + file);
            }
        }
        return FILES.stream().filter(f -> resource(loader, f) != null).toList();
    }

    private URL resource(ClassLoader loader, String file) {
        return loader.getResource(resourceFolder() + file);
    }
}
