package dev.reason4j.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCatalogTest {

    @TempDir
    Path dir;

    private Path run(String relative, String file) throws Exception {
        Path d = Files.createDirectories(dir.resolve("runs").resolve(relative));
        Files.writeString(d.resolve(file), "{}\n");
        return d;
    }

    @Test
    void should_find_runs_at_any_depth_up_to_the_limit_but_not_inside_runs() throws Exception {
        run("a", "run.json");
        run("b/c", "results.jsonl");
        run("a/checkpoints/step-1", "run.json");          // inside a run: not a run of its own
        run("d/e/f/g", "metrics.jsonl");                   // depth 4: found
        run("h/i/j/k/l", "metrics.jsonl");                 // depth 5: too deep
        run(".hidden", "run.json");

        List<String> ids = new RunCatalog(dir.resolve("runs")).scan().stream().map(RunDir::id).toList();

        assertThat(ids).containsExactly("a", "b/c", "d/e/f/g");
    }

    @Test
    void should_treat_a_runs_folder_that_is_itself_a_run_as_one_run() throws Exception {
        Path single = run("single", "responses.jsonl");

        List<RunDir> runs = new RunCatalog(single).scan();

        assertThat(runs).extracting(RunDir::id).containsExactly("single");
    }

    @Test
    void should_find_only_ids_it_scanned_never_paths() throws Exception {
        run("a", "run.json");
        Files.writeString(dir.resolve("outside.json"), "{}");
        RunCatalog catalog = new RunCatalog(dir.resolve("runs"));

        assertThat(catalog.find("a")).isPresent();
        assertThat(catalog.find("../outside.json")).isEmpty();
        assertThat(catalog.find("a/..")).isEmpty();
        assertThat(catalog.find(dir.toString())).isEmpty();
        assertThat(catalog.find("")).isEmpty();
        assertThat(catalog.find(null)).isEmpty();
    }

    @Test
    void should_find_a_run_created_after_the_last_scan() throws Exception {
        RunCatalog catalog = new RunCatalog(Files.createDirectories(dir.resolve("runs")));
        assertThat(catalog.scan()).isEmpty();

        run("late", "run.json");

        assertThat(catalog.find("late")).isPresent();
    }

    @Test
    void should_not_follow_linked_folders() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere/run"));
        Files.writeString(elsewhere.resolve("run.json"), "{}");
        Files.createDirectories(dir.resolve("runs"));
        Files.createSymbolicLink(dir.resolve("runs/link"), dir.resolve("elsewhere"));

        assertThat(new RunCatalog(dir.resolve("runs")).scan()).isEmpty();
    }

    @Test
    void should_not_open_a_run_file_that_links_outside_the_runs_folder() throws Exception {
        Path a = run("a", "run.json");
        Files.writeString(dir.resolve("secret.jsonl"), "{}");
        Files.createSymbolicLink(a.resolve("results.jsonl"), dir.resolve("secret.jsonl"));
        RunDir r = new RunCatalog(dir.resolve("runs")).find("a").orElseThrow();
        Notes notes = new Notes();

        assertThat(r.file("results.jsonl", notes)).isEmpty();
        assertThat(notes.list()).containsExactly("results.jsonl links outside --runs; not read");
        assertThat(r.file("run.json", notes)).isPresent();
    }
}
