package dev.reason4j.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FieldPathTest {

    private final JsonNode record = json("{\"a\": {\"b\": [10, {\"c\": \"deep\"}], \"7\": \"key seven\"}, \"top\": 1}");

    @Test
    void should_resolve_names_and_array_indices() {
        assertThat(FieldPath.parse("top").resolve(record).intValue()).isEqualTo(1);
        assertThat(FieldPath.parse("a.b.0").resolve(record).intValue()).isEqualTo(10);
        assertThat(FieldPath.parse("a.b.1.c").resolve(record).textValue()).isEqualTo("deep");
        assertThat(FieldPath.parse("a.7").resolve(record).textValue()).isEqualTo("key seven");
    }

    @Test
    void should_resolve_to_null_when_any_part_is_absent() {
        assertThat(FieldPath.parse("a.b.2").resolve(record)).isNull();
        assertThat(FieldPath.parse("a.b.x").resolve(record)).isNull();
        assertThat(FieldPath.parse("a.b.-1").resolve(record)).isNull();
        assertThat(FieldPath.parse("top.x").resolve(record)).isNull();
        assertThat(FieldPath.parse("nope.x.y").resolve(record)).isNull();
    }

    @Test
    void should_reject_malformed_paths() {
        assertThatThrownBy(() -> FieldPath.parse(" ")).hasMessage("field path must not be blank");
        assertThatThrownBy(() -> FieldPath.parse("a..b")).hasMessage("field path 'a..b' has an empty part; write e.g. meta.answer");
        assertThatThrownBy(() -> FieldPath.parse("a.")).hasMessageContaining("has an empty part");
        assertThat(FieldPath.parse("meta.answer")).hasToString("meta.answer");
        assertThat(FieldPath.parse("meta.answer").topLevelField()).isEqualTo("meta");
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
