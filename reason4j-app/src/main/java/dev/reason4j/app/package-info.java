/** The {@code reason4j} command line: one class per command, registered in {@link dev.reason4j.app.Reason4j}. */
package dev.reason4j.app;
