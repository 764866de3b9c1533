package dev.facegate.index.entity;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Rules for tag keys and values (site, department, ...), shared by documents and filters. */
final class Tags {

  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,31}");
  private static final int MAX_VALUE_LENGTH = 256;

  private Tags() {}

  static Map<String, String> checkedCopy(Map<String, String> tags) {
    if (tags == null) {
      return Map.of();
    }
    Map<String, String> copy = new TreeMap<>();
    tags.forEach(
        (key, value) -> {
          if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidFaceException(
                "tag key must match " + KEY.pattern() + ", got '" + key + "'");
          }
          if (value == null || value.isBlank() || value.length() > MAX_VALUE_LENGTH) {
            throw new InvalidFaceException(
                "tag '"
                    + key
                    + "' needs a non-blank value of at most "
                    + MAX_VALUE_LENGTH
                    + " chars");
          }
          copy.put(key, value);
        });
    return Map.copyOf(copy);
  }

  static String requireId(String id, String what) {
    if (id == null || id.isBlank() || id.length() > 512) {
      throw new InvalidFaceException(what + " is required (1..512 chars)");
    }
    return id;
  }
}
