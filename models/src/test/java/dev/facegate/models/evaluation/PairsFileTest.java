package dev.facegate.models.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairsFileTest {

  @Test
  void readsTheFoldedTsv() {
    List<VerificationPair> pairs =
        PairsFile.parse(
            List.of(
                "# fold\tsame\ta\tb",
                "1\t1\tpng/s1/1.png\tpng/s1/2.png",
                "",
                "2\t0\tpng/s5/1.png\tpng/s9/3.png"),
            "t.tsv");
    assertThat(pairs)
        .containsExactly(
            new VerificationPair(1, true, "png/s1/1.png", "png/s1/2.png"),
            new VerificationPair(2, false, "png/s5/1.png", "png/s9/3.png"));
  }

  @Test
  void readsTheUnfoldedTsvAndDealsFoldsKeepingTheClassBalance() {
    List<VerificationPair> pairs =
        PairsFile.parse(
            List.of(
                "# same\ta\tb",
                "1\ta.jpg\tb.jpg",
                "0\ta.jpg\tc.jpg",
                "1\tc.jpg\td.jpg",
                "0\tb.jpg\td.jpg"),
            "t.tsv");
    assertThat(pairs).allMatch(p -> p.fold() == 0);

    List<VerificationPair> folded = PairsFile.assignFolds(pairs, 2);

    assertThat(folded).extracting(VerificationPair::fold).containsExactly(1, 1, 2, 2);
    assertThat(folded).extracting(VerificationPair::same).containsExactly(true, false, true, false);
  }

  @Test
  void readsLfwPairsTxt() {
    List<VerificationPair> pairs =
        PairsFile.parse(
            List.of(
                "2\t1",
                "Abel_Pacheco\t1\t4",
                "Doris_Roberts\t1\tJennifer_Lopez\t13",
                "Zico\t2\t3",
                "Ana_Palacio\t2\tJohn_Paul_II\t7"),
            "pairs.txt");
    assertThat(pairs)
        .containsExactly(
            new VerificationPair(
                1,
                true,
                "Abel_Pacheco/Abel_Pacheco_0001.jpg",
                "Abel_Pacheco/Abel_Pacheco_0004.jpg"),
            new VerificationPair(
                1,
                false,
                "Doris_Roberts/Doris_Roberts_0001.jpg",
                "Jennifer_Lopez/Jennifer_Lopez_0013.jpg"),
            new VerificationPair(2, true, "Zico/Zico_0002.jpg", "Zico/Zico_0003.jpg"),
            new VerificationPair(
                2,
                false,
                "Ana_Palacio/Ana_Palacio_0002.jpg",
                "John_Paul_II/John_Paul_II_0007.jpg"));
  }

  @Test
  void readsLfwDevTrainWithASingleCount() {
    List<VerificationPair> pairs =
        PairsFile.parse(List.of("1", "A\t1\t2", "A\t1\tB\t1"), "pairsDevTrain.txt");
    assertThat(pairs).extracting(VerificationPair::fold).containsExactly(1, 1);
  }

  @Test
  void malformedLinesAreNamed() {
    assertThatThrownBy(() -> PairsFile.parse(List.of("1\t2\ta\tb"), "x.tsv"))
        .hasMessageContaining("x.tsv line 1")
        .hasMessageContaining("label must be 0 or 1");
    assertThatThrownBy(() -> PairsFile.parse(List.of("1\ta"), "x.tsv"))
        .hasMessageContaining("3 or 4");
    assertThatThrownBy(() -> PairsFile.parse(List.of("2 1", "A 1 2"), "pairs.txt"))
        .hasMessageContaining("header promises 4 pairs");
  }

  @Test
  void readsTheSharedPairLists() throws Exception {
    Path faces = dev.facegate.models.TestFaces.dir();
    List<VerificationPair> att = PairsFile.read(faces.resolve("att_orl_faces/pairs_10fold.tsv"));
    assertThat(att).hasSize(3600);
    assertThat(att.stream().filter(VerificationPair::same)).hasSize(1800);
    assertThat(att.stream().mapToInt(VerificationPair::fold).distinct()).hasSize(10);
    List<VerificationPair> deepface =
        PairsFile.read(faces.resolve("deepface_tests/pairs_combined.tsv"));
    assertThat(deepface).hasSize(520);
    assertThat(deepface.stream().filter(VerificationPair::same)).hasSize(140);
  }
}
