package dev.facegate.index.entity;

import java.util.HashMap;
import java.util.Map;

/**
 * Restricts a search to documents whose tags have all the given values (AND of exact matches).
 *
 * @param tags required tag values, empty for no restriction
 */
public record TagFilter(Map<String, String> tags) {

  /** No restriction. */
  public static final TagFilter NONE = new TagFilter(Map.of());

  public TagFilter {
    tags = Tags.checkedCopy(tags);
  }

  public static TagFilter of(String key, String value) {
    return NONE.and(key, value);
  }

  /** This filter plus {@code key = value}. */
  public TagFilter and(String key, String value) {
    Map<String, String> more = new HashMap<>(tags);
    more.put(key, value);
    return new TagFilter(more);
  }

  public boolean isEmpty() {
    return tags.isEmpty();
  }
}
