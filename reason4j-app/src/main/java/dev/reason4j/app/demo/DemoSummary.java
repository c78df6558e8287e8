package dev.reason4j.app.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.provenance.RunManifest;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The demo's {@code summary.json}: every number the parts produced ({@code parts}, each as the part returned it),
 * what ran ({@code mode}, {@code models}, {@code problems}, {@code settings}), the seconds each part took
 * ({@code timings}) and the run's provenance ({@code provenance}: the run manifest, with the SHA-256 of every model
 * file).
 */
final class DemoSummary {

    private DemoSummary() {}

    static ObjectNode build(ObjectMapper mapper, RunManifest manifest, DemoSetup setup, List<DemoPart> parts,
            Map<String, ObjectNode> results) {
        ObjectNode root = mapper.createObjectNode().put("mode", setup.size().name());
        DemoModels models = setup.models();
        ObjectNode m = root.putObject("models")
                .put("policy", models.policy().toString())
                .put("policy_origin", models.policyOrigin());
        models.ppm().ifPresentOrElse(p -> m.put("ppm", p.toString()), () -> m.putNull("ppm"));
        m.put("ppm_origin", models.ppmOrigin());
        root.putObject("problems")
                .put("world_seed", DemoProblems.WORLD_SEED)
                .put("test", setup.size().testProblems())
                .put("train", setup.size().trainProblems())
                .put("test_file", setup.out().relativize(setup.problems().test()).toString())
                .put("train_file", setup.out().relativize(setup.problems().train()).toString());
        ObjectNode settings = root.putObject("settings")
                .put("seed", setup.seed())
                .put("threads", setup.threads())
                .put("device", setup.device())
                .put("search_protocol", setup.searchProtocol().name())
                .put("response_protocol", setup.responseProtocol().name());
        settings.set("size", mapper.valueToTree(setup.size().toConfig()));
        ObjectNode byPart = root.putObject("parts");
        ObjectNode timings = root.putObject("timings");
        double total = 0;
        for (DemoPart part : parts) {
            ObjectNode result = results.get(part.id());
            byPart.set(part.id(), result);
            timings.put(part.id(), result.path("seconds").asDouble());
            total += result.path("seconds").asDouble();
        }
        timings.put("total", total);
        try {
            root.set("provenance", mapper.readTree(manifest.toJson()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }
}
