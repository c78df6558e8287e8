package dev.reason4j.recipes.shorten;

import java.util.Locale;

/** The short training targets of the overthinking recipe; see {@link ResponseSimplification}. */
public enum ShortTarget {
    /** First-Correct Solution: the response up to and including its first correct round. */
    FCS,
    /** FCS plus reflection: up to and including the second correct round, or FCS when there is none. */
    FCS_REFLECTION,
    /** Greedily Diverse Solutions: FCS, then the following rounds while each brings a new answer or approach. */
    GDS,
    /** The shortest sampled response whose final answer is correct, unchanged. */
    SHORTEST;

    /** The lower-case name used in data-set names and options: {@code fcs_reflection}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The target named {@code name}: {@code fcs}, {@code fcs_reflection} (also {@code fcs+r}, {@code fcs-r}),
     * {@code gds} or {@code shortest}, in any case.
     */
    public static ShortTarget byName(String name) {
        String key = name.toLowerCase(Locale.ROOT).replace('-', '_').replace('+', '_');
        if (key.equals("fcs_r")) {
            return FCS_REFLECTION;
        }
        for (ShortTarget t : values()) {
            if (t.wireName().equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown short target '" + name + "'; use fcs, fcs_reflection, gds or shortest");
    }
}
