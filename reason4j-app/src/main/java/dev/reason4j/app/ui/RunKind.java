package dev.reason4j.app.ui;

/**
 * What made a run, hence which views it gets: told by the command in {@code run.json}, else by the files the
 * command writes.
 */
enum RunKind {
    /** {@code reason4j eval}: {@code results.jsonl} with search trees, {@code summary.json} per strategy. */
    EVAL("eval", EvalRun.RESULTS),
    /** {@code reason4j analyze}: {@code responses.jsonl} with solution rounds, {@code summary.json}, a report. */
    ANALYSIS("analyze", AnalysisRun.RESPONSES),
    /** {@code reason4j train …}: {@code metrics.jsonl}, one row per optimizer step. */
    TRAINING("train", TrainingMetrics.METRICS),
    /** Anything else: configuration and files only. */
    OTHER("other", null);

    private final String wireName;
    private final String mainFile;

    RunKind(String wireName, String mainFile) {
        this.wireName = wireName;
        this.mainFile = mainFile;
    }

    String wireName() {
        return wireName;
    }

    /** The file this kind's views read, {@code null} for {@link #OTHER}. */
    String mainFile() {
        return mainFile;
    }

    /**
     * @param command {@code run.json}'s command ({@code "eval"}, {@code "train sft"}, …), empty when unknown
     */
    static RunKind detect(String command, RunDir run) {
        String verb = command.strip().split("\\s+", 2)[0];
        for (RunKind kind : values()) {
            if (kind != OTHER && kind.wireName.equals(verb)) {
                return kind;
            }
        }
        if (!command.isBlank()) {
            return OTHER;
        }
        for (RunKind kind : values()) {
            if (kind != OTHER && run.has(kind.mainFile)) {
                return kind;
            }
        }
        return OTHER;
    }
}
