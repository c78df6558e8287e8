package dev.reason4j.app.report;

/** Charts are drawn without a display: AWT must be told before it first looks for one. */
final class Headless {

    private Headless() {}

    static void ensure() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
