package dev.reason4j.spark;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** Local Spark sessions for tests: loopback only, no UI, few shuffle partitions. */
final class LocalSpark {

    private LocalSpark() {}

    /**
     * A session on {@code master}, e.g. {@code local[2]}, or {@code local[2,3]} for up to 3 attempts per task
     * (local mode ignores {@code spark.task.maxFailures}).
     */
    static SparkSession start(String master) {
        SparkSession.Builder session = SparkSession.builder().appName("reason4j-spark-test");
        settings(master).forEach(session::config);
        return session.getOrCreate();
    }

    /** The settings of a test session on {@code master}, also as system properties for the Spark command's own. */
    static Map<String, String> settings(String master) {
        return Map.of(
                "spark.master", master,
                "spark.ui.enabled", "false",
                "spark.driver.host", "127.0.0.1",
                "spark.driver.bindAddress", "127.0.0.1",
                "spark.sql.shuffle.partitions", "4");
    }
}
