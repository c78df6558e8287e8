package dev.reason4j.app.train;

import dev.reason4j.app.Progress;
import dev.reason4j.lm.train.StepMetrics;
import dev.reason4j.lm.train.TrainingListener;
import dev.reason4j.lm.train.TrainingPlan;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;

/** A progress bar over optimizer steps showing the loss and tokens/s; the bar itself shows the ETA. */
final class TrainingProgress implements TrainingListener, AutoCloseable {

    private final String task;
    private ProgressBar bar;

    TrainingProgress(String task) {
        this.task = task;
    }

    @Override
    public void onStart(TrainingPlan plan) {
        bar = Progress.bar(task, "steps", plan.totalSteps(), plan.startStep());
    }

    @Override
    public void onStep(StepMetrics m) {
        String eval = m.evalLoss().isPresent() ? String.format(Locale.ROOT, " eval %.4f", m.evalLoss().getAsDouble()) : "";
        bar.setExtraMessage(String.format(Locale.ROOT, " · loss %.4f%s · %,.0f tok/s", m.loss(), eval, m.tokensPerSecond()));
        bar.stepTo(m.step());
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
