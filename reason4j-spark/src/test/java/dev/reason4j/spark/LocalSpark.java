package dev.reason4j.spark;

import org.apache.spark.sql.SparkSession;

/** Local Spark sessions for tests: loopback only, no UI, few shuffle partitions. */
final class LocalSpark {

    private LocalSpark() {}

    /**
     * A session on {@code master}, e.g. {@code local[2]}, or {@code local[2,3]} for up to 3 attempts per task
     * (local mode ignores {@code spark.task.maxFailures}).
     */
    static SparkSession start(String master) {
        return SparkSession.builder()
                .master(master)
                .appName("reason4j-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
    }
}
