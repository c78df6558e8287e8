package dev.reason4j.app.recipes.common;

import dev.reason4j.app.Reason4j;
import dev.reason4j.recipes.StageProgress;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * A child JVM for the resume tests: runs a recipe command ({@code args[1..]}, as on the command line) and, when
 * stage {@code args[0]} (written {@code STAGE@N}) has started and committed N units, prints {@code PAUSED STAGE@N}
 * and waits to be killed. {@code -} runs to the end and prints {@code FINISHED <exit code>}.
 */
public final class RecipeChild {

    private RecipeChild() {}

    public static void main(String[] args) {
        CommandLine cli = Reason4j.commandLine();
        CommandLine.ParseResult parsed = cli.parseArgs(Arrays.copyOfRange(args, 1, args.length));
        RecipeCommand command = (RecipeCommand) parsed.subcommand().commandSpec().userObject();
        int code = command.execute(args[0].equals("-") ? StageProgress.NONE : new Pause(args[0]));
        System.out.println("FINISHED " + code);
        System.exit(code);
    }

    /** Stops the recipe at one point: {@code STAGE@N}, after N units of STAGE (0: as it starts). */
    private static final class Pause implements StageProgress {
        private final String stage;
        private final long after;
        private String current;
        private long steps;

        Pause(String at) {
            int i = at.lastIndexOf('@');
            this.stage = at.substring(0, i);
            this.after = Long.parseLong(at.substring(i + 1));
        }

        @Override
        public void start(String name, long total, long alreadyDone) {
            current = name;
            steps = 0;
            check();
        }

        @Override
        public void step() {
            steps++;
            check();
        }

        @Override
        public void finish() {}

        private void check() {
            if (stage.equals(current) && steps == after) {
                System.out.println("PAUSED " + stage + "@" + after);
                System.out.flush();
                while (true) {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        // only SIGKILL ends this process
                    }
                }
            }
        }
    }
}
