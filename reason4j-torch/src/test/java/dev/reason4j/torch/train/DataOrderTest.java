package dev.reason4j.torch.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DataOrderTest {

    @Test
    void the_same_seed_gives_the_same_stream_and_each_epoch_is_a_fresh_permutation() {
        int[] train = {3, 5, 7, 11, 13, 17, 19, 23};
        DataOrder a = new DataOrder(train, 42);
        DataOrder b = new DataOrder(train, 42);
        assertThat(a.take(0, 40)).isEqualTo(b.take(0, 40));
        // reading from the middle (a resumed run) gives what reading through gave
        assertThat(new DataOrder(train, 42).take(13, 9)).isEqualTo(a.take(0, 22).subList(13, 22));
        List<Integer> epoch0 = a.take(0, 8);
        List<Integer> epoch1 = a.take(8, 8);
        assertThat(epoch0).containsExactlyInAnyOrder(3, 5, 7, 11, 13, 17, 19, 23);
        assertThat(epoch1).containsExactlyInAnyOrder(3, 5, 7, 11, 13, 17, 19, 23);
        assertThat(epoch1).isNotEqualTo(epoch0);
        assertThat(new DataOrder(train, 43).take(0, 8)).isNotEqualTo(epoch0);
    }

    @Test
    void the_split_holds_out_a_seeded_fraction() {
        DataOrder.Split split = DataOrder.split(10, 0.2, 1);
        assertThat(split.eval()).hasSize(2);
        assertThat(split.train()).hasSize(8);
        int[] all = IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.eval())).sorted().toArray();
        assertThat(all).containsExactly(IntStream.range(0, 10).toArray());
        assertThat(DataOrder.split(10, 0.2, 1).eval()).isEqualTo(split.eval());
        assertThat(DataOrder.split(10, 0.01, 1).eval()).hasSize(1);
        assertThat(DataOrder.split(10, 0, 1).eval()).isEmpty();
        assertThatThrownBy(() -> DataOrder.split(1, 0.5, 1))
                .hasMessageContaining("evalFraction 0.5 leaves no training examples out of 1");
    }
}
