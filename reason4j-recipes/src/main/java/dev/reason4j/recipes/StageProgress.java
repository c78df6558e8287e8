package dev.reason4j.recipes;

/**
 * Where a stage is, for a progress bar: the CLI adapts its own bar to this, library callers may pass {@link #NONE}.
 * Calls come from the thread that runs the stage.
 */
public interface StageProgress {

    /** Reports nothing. */
    StageProgress NONE = new StageProgress() {
        @Override
        public void start(String stage, long total, long alreadyDone) {}

        @Override
        public void step() {}

        @Override
        public void finish() {}
    };

    /**
     * A stage begins.
     *
     * @param stage a short name ("extract trees")
     * @param total units of work in all
     * @param alreadyDone units committed by an earlier run that this one skips
     */
    void start(String stage, long total, long alreadyDone);

    /** One more unit is committed. */
    void step();

    /** The stage ended, normally or not. */
    void finish();
}
