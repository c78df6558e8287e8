package dev.reason4j.torch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Sampling streams of neighbouring seeds, prompts and samples are unrelated, not shifted copies of each other. */
class SequenceSeedTest {

    private static long[] draws(long seed, int prompt, int sample) {
        SplittableRandom random = new SplittableRandom(SequenceState.streamSeed(seed, prompt, sample));
        long[] out = new long[16];
        for (int i = 0; i < out.length; i++) {
            out[i] = random.nextLong();
        }
        return out;
    }

    @Test
    void neighbouring_streams_share_no_draws() {
        Set<Long> seen = new HashSet<>();
        int total = 0;
        for (long seed = 0; seed < 8; seed++) {
            for (int prompt = 0; prompt < 4; prompt++) {
                for (int sample = 0; sample < 4; sample++) {
                    for (long d : draws(seed, prompt, sample)) {
                        seen.add(d);
                        total++;
                    }
                }
            }
        }
        // a shifted stream would repeat 15 of its 16 draws in its neighbour's
        assertThat(seen).hasSize(total);
        assertThat(draws(1, 0, 0)).isEqualTo(draws(1, 0, 0));
    }
}
