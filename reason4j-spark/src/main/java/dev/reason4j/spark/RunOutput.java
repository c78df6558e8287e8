package dev.reason4j.spark;

import dev.reason4j.core.provenance.RunManifest;
import dev.reason4j.core.store.RunMismatchException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * A Spark run's output directory, on any file system Spark writes (local, HDFS, S3 with a committer):
 * <pre>
 * run.json                       the job (command, options, seeds, input hashes), written by the first run
 * records/commit=RUN-wN/*.parquet one directory per wave, committed by Spark's output committer: a task's file
 *                                appears once, whole, whatever attempt made it; a failed attempt leaves nothing
 * results.jsonl                  every record in input order, as {@code reason4j eval} writes it
 * summary.json, summary.jsonl, summary.parquet/   per-unit totals
 * </pre>
 * A rerun with the same job finds the problems already in {@code records/} and searches the rest; one with another
 * job is refused, listing what differs. Two jobs must not write one directory at the same time.
 */
final class RunOutput {

    static final String MANIFEST = "run.json";
    static final String RECORDS = "records";
    static final String RESULTS = "results.jsonl";
    static final String SUMMARY_JSON = "summary.json";
    static final String SUMMARY_JSONL = "summary.jsonl";
    static final String SUMMARY_PARQUET = "summary.parquet";

    private final FileSystem fs;
    private final Path dir;
    private final String runId;

    private RunOutput(FileSystem fs, Path dir, String runId) {
        this.fs = fs;
        this.dir = dir;
        this.runId = runId;
    }

    /**
     * Binds {@code dir} to {@code job}: writes {@code run.json} for a new run, or checks that the stored one
     * describes the same job.
     *
     * @throws RunMismatchException listing the differences when the directory holds another job
     */
    static RunOutput claim(SparkSession spark, String dir, RunManifest job) {
        try {
            Path path = new Path(dir);
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            Path qualified = fs.makeQualified(path);
            Path manifest = new Path(qualified, MANIFEST);
            if (fs.exists(manifest)) {
                RunManifest stored = RunManifest.fromJson(read(fs, manifest), manifest.toString());
                List<String> differences = stored.differencesFrom(job);
                if (!differences.isEmpty()) {
                    throw new RunMismatchException(java.nio.file.Path.of(dir), differences);
                }
            } else {
                refuseForeignDirectory(fs, qualified);
                RunOutput fresh = new RunOutput(fs, qualified, "");
                fresh.writeAtomically(MANIFEST, List.of(job.toJson()).iterator());
            }
            // a run id that sorts by start time, so waves of later runs list after earlier ones
            String runId = String.format("%013d-%s", System.currentTimeMillis(), UUID.randomUUID().toString().substring(0, 8));
            return new RunOutput(fs, qualified, runId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the run directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void refuseForeignDirectory(FileSystem fs, Path dir) throws IOException {
        if (fs.exists(dir) && fs.listStatus(dir).length > 0) {
            throw new IllegalArgumentException("cannot start a run in " + dir + ": it is not empty and has no "
                    + MANIFEST + "; use a new or empty run directory");
        }
    }

    private static String read(FileSystem fs, Path file) throws IOException {
        try (FSDataInputStream in = fs.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The directory's fully qualified URI, e.g. {@code file:/data/run1}. */
    String uri() {
        return dir.toString();
    }

    /** Where the records of every run of this job are, as a path Spark reads. */
    String records() {
        return new Path(dir, RECORDS).toString();
    }

    /** Whether some run has committed records (a data file under {@code records/}). */
    boolean hasRecords() {
        try {
            Path records = new Path(dir, RECORDS);
            if (!fs.exists(records)) {
                return false;
            }
            for (FileStatus wave : fs.listStatus(records)) {
                if (wave.isDirectory() && !wave.getPath().getName().startsWith("_")) {
                    for (FileStatus f : fs.listStatus(wave.getPath())) {
                        if (f.isFile() && f.getPath().getName().endsWith(".parquet")) {
                            return true;
                        }
                    }
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + records(), e);
        }
    }

    /** A new directory for wave {@code wave} of this run; its name becomes the records' {@code commit} column. */
    String waveDirectory(int wave) {
        return new Path(new Path(dir, RECORDS), "commit=" + runId + "-w" + String.format("%05d", wave)).toString();
    }

    /** The path of one of the run's files, as Spark writes it. */
    String file(String name) {
        return new Path(dir, name).toString();
    }

    /** Writes {@code lines} to {@code name} through a temporary file renamed into place, so readers see all or nothing. */
    long writeAtomically(String name, Iterator<String> lines) {
        Path target = new Path(dir, name);
        Path temp = new Path(dir, "." + name + "." + UUID.randomUUID() + ".tmp");
        long written = 0;
        try {
            try (Writer w = new BufferedWriter(new OutputStreamWriter(fs.create(temp, false), StandardCharsets.UTF_8))) {
                while (lines.hasNext()) {
                    w.write(lines.next());
                    w.write('\n');
                    written++;
                }
            }
            if (fs.exists(target)) {
                fs.delete(target, false);
            }
            if (!fs.rename(temp, target)) {
                throw new IOException("rename of " + temp + " to " + target + " failed");
            }
            return written;
        } catch (IOException e) {
            try {
                fs.delete(temp, false);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
