package dev.reason4j.app.recipes.common;

import dev.reason4j.app.Progress;
import dev.reason4j.recipes.StageProgress;
import me.tongfei.progressbar.ProgressBar;

/** A recipe's stages as progress bars on standard error, one bar per stage. */
public final class CliStageProgress implements StageProgress {

    private ProgressBar bar;

    @Override
    public void start(String stage, long total, long alreadyDone) {
        finish();
        bar = Progress.bar(stage, stage.startsWith("train") ? "steps" : "problems", total, alreadyDone);
    }

    @Override
    public void step() {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
