package dev.facegate.access.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.facegate.access.control.StructuredFields.InnerList;
import dev.facegate.access.control.StructuredFields.Item;
import dev.facegate.access.control.StructuredFields.Token;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StructuredFieldsTest {

  @Test
  void parsesTheSignatureInputOfRfc9421AppendixB26() {
    String field =
        "sig-b26=(\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\""
            + " \"content-length\");created=1618884473;keyid=\"test-key-ed25519\"";

    Map<String, Object> dictionary = StructuredFields.parseDictionary(field);

    InnerList covered = (InnerList) dictionary.get("sig-b26");
    assertThat(covered.items())
        .extracting(Item::value)
        .containsExactly(
            "date", "@method", "@path", "@authority", "content-type", "content-length");
    assertThat(covered.parameters())
        .containsExactly(Map.entry("created", 1618884473L), Map.entry("keyid", "test-key-ed25519"));
    // Serialising gives back the field's member exactly: that is the @signature-params line.
    assertThat(StructuredFields.serialize(covered)).isEqualTo(field.substring("sig-b26=".length()));
  }

  @Test
  void parsesEveryBareItemTypeOfRfc8941() {
    Map<String, Object> dictionary =
        StructuredFields.parseDictionary(
            "a=1, b=-2.5, c=\"q\\\"uote\\\\\", d=tok/en:x, e=:aGVsbG8=:, f=?0, g, h;x=1");

    assertThat(((Item) dictionary.get("a")).value()).isEqualTo(1L);
    assertThat(((Item) dictionary.get("b")).value()).isEqualTo(new BigDecimal("-2.5"));
    assertThat(((Item) dictionary.get("c")).value()).isEqualTo("q\"uote\\");
    assertThat(((Item) dictionary.get("d")).value()).isEqualTo(new Token("tok/en:x"));
    assertThat((byte[]) ((Item) dictionary.get("e")).value()).asString().isEqualTo("hello");
    assertThat(((Item) dictionary.get("f")).value()).isEqualTo(false);
    assertThat(((Item) dictionary.get("g")).value()).isEqualTo(true);
    assertThat(((Item) dictionary.get("h")).parameters()).containsEntry("x", 1L);
  }

  @Test
  void aDuplicateKeyKeepsTheLastValue() {
    // RFC 8941 4.2.2: "overwrite" - the value of a key that appears twice is the last one.
    assertThat(((Item) StructuredFields.parseDictionary("a=1, a=2").get("a")).value())
        .isEqualTo(2L);
  }

  @Test
  void aContentDigestOfRfc9530IsADictionaryOfByteSequences() {
    Map<String, Object> dictionary =
        StructuredFields.parseDictionary(
            "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:, unixsum=:MTIzNA==:");

    assertThat((byte[]) ((Item) dictionary.get("sha-256")).value()).hasSize(32);
    assertThat(dictionary).containsKey("unixsum");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "A=1", // keys are lower case
        "a=1,", // trailing comma
        "a=(1 2", // inner list not closed
        "a=(1  2)x", // garbage after a member
        "a=\"unterminated",
        "a=\"bad \\n escape\"",
        "a=:not base64!:",
        "a=?2",
        "a=1234567890123456", // 16 digits
        "a=1.2345", // 4 fractional digits
        "a=\"é\"", // not ASCII
        "a=1 b=2" // members need a comma
      })
  void refusesWhatRfc8941Refuses(String field) {
    assertThatIllegalArgumentException().isThrownBy(() -> StructuredFields.parseDictionary(field));
  }

  @Test
  void serialisesStringsWithEscapesAndBooleanParametersBare() {
    InnerList list =
        new InnerList(
            java.util.List.of(new Item("a\"b", Map.of())),
            new java.util.LinkedHashMap<>(Map.of("flag", Boolean.TRUE)));

    assertThat(StructuredFields.serialize(list)).isEqualTo("(\"a\\\"b\");flag");
  }
}
