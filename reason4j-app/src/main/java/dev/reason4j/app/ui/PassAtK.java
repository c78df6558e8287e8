package dev.reason4j.app.ui;

/**
 * pass@k: the chance that at least one of k samples is correct, estimated without bias from n ≥ k samples of which
 * c are correct (Chen et al., "Evaluating Large Language Models Trained on Code", arXiv:2107.03374, 2021):
 *
 * <pre>
 *   pass@k = 1 − C(n−c, k) / C(n, k) = 1 − ∏_{i = n−c+1}^{n} (1 − k/i)
 * </pre>
 *
 * The product form avoids the huge binomials.
 */
final class PassAtK {

    private PassAtK() {}

    static double estimate(int n, int c, int k) {
        if (n < 1 || c < 0 || c > n || k < 1 || k > n) {
            throw new IllegalArgumentException("need 0 <= c <= n and 1 <= k <= n, got n=" + n + ", c=" + c + ", k=" + k);
        }
        if (n - c < k) {
            return 1.0;
        }
        double allWrong = 1.0;
        for (int i = n - c + 1; i <= n; i++) {
            allWrong *= 1.0 - (double) k / i;
        }
        return 1.0 - allWrong;
    }
}
