package dev.facegate.models.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads pair lists in two formats, detected from the first non-comment line.
 *
 * <ul>
 *   <li>FaceGate TSV: {@code fold label image_a image_b} or {@code label image_a image_b}, tab
 *       separated, label 1 = same person, {@code #} starts a comment line.
 *   <li>LFW {@code pairs.txt}: a header {@code SETS PAIRS_PER_SET} (or a single count, as in {@code
 *       pairsDevTrain.txt}), then per set {@code name n1 n2} lines for same-person pairs and {@code
 *       name1 n1 name2 n2} lines for different-person pairs; images resolve to {@code
 *       name/name_0001.jpg}. Each set is one fold.
 * </ul>
 */
public final class PairsFile {

  private PairsFile() {}

  /**
   * Reads a pair list.
   *
   * @param file the list
   * @return the pairs in file order
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if a line is malformed (the message names the line)
   */
  public static List<VerificationPair> read(Path file) throws IOException {
    return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * Parses the lines of a pair list.
   *
   * @param lines the lines
   * @param source a name for error messages
   * @return the pairs in order
   */
  public static List<VerificationPair> parse(List<String> lines, String source) {
    for (String line : lines) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      String[] tokens = t.split("\\s+");
      boolean lfwHeader = tokens.length <= 2;
      for (String token : tokens) {
        lfwHeader &= token.matches("\\d+");
      }
      return lfwHeader ? parseLfw(lines, source) : parseTsv(lines, source);
    }
    throw new IllegalArgumentException(source + ": no pairs");
  }

  private static List<VerificationPair> parseTsv(List<String> lines, String source) {
    List<VerificationPair> pairs = new ArrayList<>();
    for (int n = 0; n < lines.size(); n++) {
      String t = lines.get(n).strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      String[] f = t.split("\t");
      try {
        if (f.length == 4) {
          int fold = Integer.parseInt(f[0].strip());
          if (fold < 1) {
            throw new IllegalArgumentException("fold must be >= 1");
          }
          pairs.add(new VerificationPair(fold, label(f[1]), f[2].strip(), f[3].strip()));
        } else if (f.length == 3) {
          pairs.add(new VerificationPair(0, label(f[0]), f[1].strip(), f[2].strip()));
        } else {
          throw new IllegalArgumentException("expected 3 or 4 tab-separated fields");
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            source + " line " + (n + 1) + ": " + e.getMessage() + ": " + t, e);
      }
    }
    boolean anyFold = pairs.stream().anyMatch(p -> p.fold() > 0);
    if (anyFold && pairs.stream().anyMatch(p -> p.fold() == 0)) {
      throw new IllegalArgumentException(source + ": mixes lines with and without folds");
    }
    return pairs;
  }

  private static boolean label(String s) {
    return switch (s.strip()) {
      case "1" -> true;
      case "0" -> false;
      default -> throw new IllegalArgumentException("label must be 0 or 1, got '" + s + "'");
    };
  }

  private static List<VerificationPair> parseLfw(List<String> lines, String source) {
    List<VerificationPair> pairs = new ArrayList<>();
    int sets = -1;
    int perSet = -1;
    int index = 0;
    for (int n = 0; n < lines.size(); n++) {
      String t = lines.get(n).strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      String[] f = t.split("\\s+");
      try {
        if (sets < 0) {
          // Header: "10 300" (10 sets of 300 same + 300 different) or "1100" (one set).
          sets = f.length == 2 ? Integer.parseInt(f[0]) : 1;
          perSet = Integer.parseInt(f[f.length - 1]);
          continue;
        }
        int fold = index / (2 * perSet) + 1;
        VerificationPair p;
        if (f.length == 3) {
          p = new VerificationPair(fold, true, lfwPath(f[0], f[1]), lfwPath(f[0], f[2]));
        } else if (f.length == 4) {
          p = new VerificationPair(fold, false, lfwPath(f[0], f[1]), lfwPath(f[2], f[3]));
        } else {
          throw new IllegalArgumentException("expected 'name n1 n2' or 'name1 n1 name2 n2'");
        }
        pairs.add(p);
        index++;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(source + " line " + (n + 1) + ": not a number: " + t, e);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            source + " line " + (n + 1) + ": " + e.getMessage() + ": " + t, e);
      }
    }
    if (pairs.size() != sets * 2 * perSet) {
      throw new IllegalArgumentException(
          source
              + ": header promises "
              + sets * 2 * perSet
              + " pairs ("
              + sets
              + " x 2 x "
              + perSet
              + "), found "
              + pairs.size());
    }
    return pairs;
  }

  private static String lfwPath(String name, String number) {
    int n = Integer.parseInt(number);
    if (n < 1) {
      throw new IllegalArgumentException("image number must be >= 1");
    }
    return String.format(Locale.ROOT, "%s/%s_%04d.jpg", name, name, n);
  }

  /**
   * Puts pairs without folds into {@code k} folds: same-person and different-person pairs are dealt
   * round-robin separately, so every fold keeps the class balance of the list. Lists that already
   * assign folds are returned unchanged.
   *
   * <p>Such folds are not identity-disjoint (an identity can appear in training and test folds),
   * unlike LFW's own; the report says which kind was used.
   *
   * @param pairs the pairs
   * @param k number of folds, {@code >= 2}
   * @return the pairs with folds {@code 1..k}
   */
  public static List<VerificationPair> assignFolds(List<VerificationPair> pairs, int k) {
    if (k < 2) {
      throw new IllegalArgumentException("need at least 2 folds, got " + k);
    }
    if (pairs.stream().allMatch(p -> p.fold() > 0)) {
      return pairs;
    }
    List<VerificationPair> out = new ArrayList<>(pairs.size());
    int same = 0;
    int diff = 0;
    for (VerificationPair p : pairs) {
      int fold = p.same() ? same++ % k + 1 : diff++ % k + 1;
      out.add(p.inFold(fold));
    }
    return out;
  }
}
