package dev.reason4j.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars for long commands, on standard error. On a terminal the bar redraws in place; when standard error
 * is a file or a pipe (CI logs, {@code nohup}) it prints a plain ASCII line every few seconds instead, so logs do
 * not fill with carriage returns and colour codes.
 */
public final class Progress {

    private static final int LOG_INTERVAL_MILLIS = 5_000;

    private Progress() {}

    /**
     * A bar for {@code total} units of work of which {@code done} were finished by an earlier run.
     *
     * @param task what is being done, e.g. "grade"
     * @param unit the thing counted, e.g. "pairs"
     */
    public static ProgressBar bar(String task, String unit, long total, long done) {
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setUnit(" " + unit, 1)
                .showSpeed()
                // a resumed run's earlier work does not count toward the speed and the ETA
                .startsFrom(done, Duration.ZERO);
        if (!stderrIsTerminal()) {
            builder.setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(LOG_INTERVAL_MILLIS)
                    .setConsumer(new DelegatingProgressBarConsumer(System.err::println, 100));
        }
        return builder.build();
    }

    /** Linux tells through /proc; elsewhere a console means a terminal. */
    private static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        if (Files.exists(fd)) {
            try {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (java.io.IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}
