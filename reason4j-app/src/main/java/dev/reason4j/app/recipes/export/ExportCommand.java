package dev.reason4j.app.recipes.export;

import dev.reason4j.recipes.export.DataSetExport;
import dev.reason4j.recipes.export.ExportFormat;
import dev.reason4j.recipes.export.RunDataSets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reason4j export --format trl|llamafactory --run DIR --out DIR}: every data set of a recipe's run (short
 * targets and pairs, length-harmonizing weights and baselines, policy SFT data and PPM pairs), found through its
 * stages' {@code summary.json} and written in the tool's layout. Each data set is named after its stage directory
 * and its own name ({@code targets.pairs_fcs}); LLaMA-Factory's {@code dataset_info.json} registers them all.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Export a run's training data sets for Hugging Face TRL or LLaMA-Factory.",
            "  reason4j export --format llamafactory --run runs/shorten1 \\",
            "      --out LLaMA-Factory/data"
        })
public final class ExportCommand implements Callable<Integer> {

    @Option(names = "--format", required = true, description = "trl or llamafactory.")
    String format;

    @Option(names = "--run", required = true, paramLabel = "DIR",
            description = "A run directory of shorten, prune or evolve (or one of its stages).")
    Path run;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the exported files go.")
    Path out;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ExportFormat chosen = ExportFormat.byName(format);
        List<RunDataSets.Found> dataSets = RunDataSets.find(run);
        PrintWriter w = spec.commandLine().getOut();
        if (dataSets.isEmpty()) {
            throw new IllegalArgumentException("--run " + run + ": no data sets (no stage summary.json lists any); "
                    + "give the run directory of shorten, prune or evolve");
        }
        DataSetExport export = new DataSetExport();
        long exported = 0;
        for (RunDataSets.Found d : dataSets) {
            List<DataSetExport.Exported> files = export.export(d.file(), d.name(), chosen, out);
            if (files.isEmpty()) {
                w.printf(Locale.ROOT, "%-40s empty, nothing written%n", d.name());
                continue;
            }
            exported++;
            for (DataSetExport.Exported f : files) {
                w.printf(Locale.ROOT, "%-40s %-10s %,8d rows  %s%n", d.name(), f.kind().wireName(), f.rows(), f.file());
            }
        }
        w.printf(Locale.ROOT, "exported %d of %d data sets to %s%n", exported, dataSets.size(), out);
        w.flush();
        return 0;
    }
}
