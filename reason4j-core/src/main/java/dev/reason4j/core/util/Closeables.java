package dev.reason4j.core.util;

import java.util.List;

/** Closing several resources so that one failing does not leave the others open. */
public final class Closeables {

    private Closeables() {}

    /**
     * Closes every non-null part of {@code opened}, the last opened first. With {@code failure} given (closing after
     * an error), close failures are added to it as suppressed; without, the first is thrown with the rest suppressed.
     */
    public static void closeInReverse(List<? extends AutoCloseable> opened, RuntimeException failure) {
        RuntimeException first = failure;
        for (int i = opened.size() - 1; i >= 0; i--) {
            AutoCloseable part = opened.get(i);
            if (part == null) {
                continue;
            }
            try {
                part.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (failure == null && first != null) {
            throw first;
        }
    }
}
