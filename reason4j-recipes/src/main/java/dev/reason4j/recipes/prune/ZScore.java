package dev.reason4j.recipes.prune;

/**
 * Standardises values over a data set: {@code z = (w − μ) / σ} with μ the mean and σ the population standard
 * deviation; when every value is equal (σ = 0) every z is 0. Fed one value at a time (Welford's update), so it
 * can run over a stage's stored records without holding them.
 */
public final class ZScore {

    private long count;
    private double mean;
    private double squares;

    /** Counts one value. */
    public void add(double value) {
        count++;
        double delta = value - mean;
        mean += delta / count;
        squares += delta * (value - mean);
    }

    public long count() {
        return count;
    }

    /** μ, 0 before the first value. */
    public double mean() {
        return mean;
    }

    /** σ, the population standard deviation; 0 before the second value. */
    public double deviation() {
        return count == 0 ? 0 : Math.sqrt(squares / count);
    }

    /** The standardised {@code value}. */
    public double of(double value) {
        double sd = deviation();
        return sd == 0 ? 0 : (value - mean) / sd;
    }
}
