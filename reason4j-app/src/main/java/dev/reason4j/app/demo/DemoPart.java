package dev.reason4j.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;

/**
 * One part of the demo: a resumable job in its own run directory under the demo's, whose numbers the demo keeps
 * (in its run store, the report and {@code summary.json}) once it has finished.
 */
interface DemoPart {

    /** The part's key in the demo's run store and {@code summary.json}, and its directory name. */
    String id();

    /** What the part shows, as a heading. */
    String title();

    /** Runs the part (resuming its run directory) and returns its numbers. */
    ObjectNode run(DemoSetup setup) throws Exception;

    /** The part's table, from the numbers {@link #run} returned. */
    void print(PrintWriter w, JsonNode result);
}
