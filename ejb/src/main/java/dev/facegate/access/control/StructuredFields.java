package dev.facegate.access.control;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of RFC 8941 (Structured Field Values for HTTP) that HTTP Message Signatures need:
 * parsing dictionaries whose members are items or inner lists with parameters, and serialising an
 * inner list with its parameters (the {@code @signature-params} line is that serialisation).
 *
 * <p>The parser follows the algorithms of RFC 8941 section 4.2 step by step and refuses anything
 * they refuse ({@link IllegalArgumentException}): a header that is not well formed must fail the
 * request, never be read leniently.
 */
public final class StructuredFields {

  private StructuredFields() {}

  /** A token (RFC 8941 3.3.4), kept apart from strings because they serialise differently. */
  public record Token(String value) {}

  /** A bare item with its parameters; parameters keep their order. */
  public record Item(Object value, Map<String, Object> parameters) {}

  /** An inner list of items with the list's own parameters. */
  public record InnerList(List<Item> items, Map<String, Object> parameters) {}

  /**
   * Parses a dictionary (RFC 8941 4.2.2). Members are {@link Item} or {@link InnerList}; a key that
   * appears twice keeps its last value, in the place of its first, as the RFC says.
   */
  public static Map<String, Object> parseDictionary(String field) {
    Parser p = new Parser(field);
    p.skipSp();
    Map<String, Object> dictionary = new LinkedHashMap<>();
    while (!p.atEnd()) {
      String key = p.key();
      Object member;
      if (p.peek() == '=') {
        p.pos++;
        member = p.itemOrInnerList();
      } else {
        member = new Item(Boolean.TRUE, p.parameters());
      }
      dictionary.put(key, member);
      p.skipOws();
      if (p.atEnd()) {
        return Collections.unmodifiableMap(dictionary);
      }
      p.expect(',');
      p.skipOws();
      if (p.atEnd()) {
        throw new IllegalArgumentException("trailing comma in dictionary");
      }
    }
    return Collections.unmodifiableMap(dictionary);
  }

  /** Serialises an inner list with its parameters (RFC 8941 4.1.1.1). */
  public static String serialize(InnerList list) {
    StringBuilder out = new StringBuilder("(");
    for (int i = 0; i < list.items().size(); i++) {
      if (i > 0) {
        out.append(' ');
      }
      Item item = list.items().get(i);
      out.append(serializeBareItem(item.value()));
      serializeParameters(item.parameters(), out);
    }
    out.append(')');
    serializeParameters(list.parameters(), out);
    return out.toString();
  }

  private static void serializeParameters(Map<String, Object> parameters, StringBuilder out) {
    parameters.forEach(
        (key, value) -> {
          out.append(';').append(key);
          if (!Boolean.TRUE.equals(value)) {
            out.append('=').append(serializeBareItem(value));
          }
        });
  }

  static String serializeBareItem(Object value) {
    return switch (value) {
      case Long l -> Long.toString(l);
      case BigDecimal d -> d.toPlainString();
      case String s -> {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
          if (c < 0x20 || c > 0x7e) {
            throw new IllegalArgumentException("a string holds only printable ASCII");
          }
          if (c == '"' || c == '\\') {
            out.append('\\');
          }
          out.append(c);
        }
        yield out.append('"').toString();
      }
      case Token t -> t.value();
      case byte[] bytes -> ":" + Base64.getEncoder().encodeToString(bytes) + ":";
      case Boolean b -> b ? "?1" : "?0";
      default -> throw new IllegalArgumentException("not a bare item: " + value.getClass());
    };
  }

  /** A cursor over the field value; each method is one algorithm of RFC 8941 4.2. */
  private static final class Parser {
    private final String in;
    private int pos;

    Parser(String field) {
      for (int i = 0; i < field.length(); i++) {
        char c = field.charAt(i);
        if (c > 0x7e || (c < 0x20 && c != '\t')) {
          throw new IllegalArgumentException("structured fields are ASCII");
        }
      }
      this.in = field.strip();
    }

    boolean atEnd() {
      return pos >= in.length();
    }

    char peek() {
      return atEnd() ? '\0' : in.charAt(pos);
    }

    void expect(char c) {
      if (peek() != c) {
        throw new IllegalArgumentException("expected '" + c + "' at " + pos);
      }
      pos++;
    }

    void skipSp() {
      while (peek() == ' ') {
        pos++;
      }
    }

    void skipOws() {
      while (peek() == ' ' || peek() == '\t') {
        pos++;
      }
    }

    Object itemOrInnerList() {
      return peek() == '(' ? innerList() : new Item(bareItem(), parameters());
    }

    InnerList innerList() {
      expect('(');
      List<Item> items = new ArrayList<>();
      while (!atEnd()) {
        skipSp();
        if (peek() == ')') {
          pos++;
          return new InnerList(List.copyOf(items), parameters());
        }
        items.add(new Item(bareItem(), parameters()));
        if (peek() != ' ' && peek() != ')') {
          throw new IllegalArgumentException("items of an inner list are separated by spaces");
        }
      }
      throw new IllegalArgumentException("inner list not closed");
    }

    Map<String, Object> parameters() {
      Map<String, Object> parameters = new LinkedHashMap<>();
      while (peek() == ';') {
        pos++;
        skipSp();
        String key = key();
        Object value = Boolean.TRUE;
        if (peek() == '=') {
          pos++;
          value = bareItem();
        }
        parameters.put(key, value);
      }
      return Collections.unmodifiableMap(parameters);
    }

    String key() {
      char first = peek();
      if (!(first >= 'a' && first <= 'z') && first != '*') {
        throw new IllegalArgumentException("a key starts with a lowercase letter or '*'");
      }
      int start = pos;
      while (!atEnd()) {
        char c = peek();
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "_-.*".indexOf(c) >= 0) {
          pos++;
        } else {
          break;
        }
      }
      return in.substring(start, pos);
    }

    Object bareItem() {
      char c = peek();
      if (c == '-' || (c >= '0' && c <= '9')) {
        return number();
      }
      if (c == '"') {
        return string();
      }
      if (c == ':') {
        return byteSequence();
      }
      if (c == '?') {
        return bool();
      }
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '*') {
        return token();
      }
      throw new IllegalArgumentException("no bare item at " + pos);
    }

    Object number() {
      int start = pos;
      boolean negative = false;
      if (peek() == '-') {
        negative = true;
        pos++;
      }
      if (!(peek() >= '0' && peek() <= '9')) {
        throw new IllegalArgumentException("a number needs a digit");
      }
      int digitsStart = pos;
      int dot = -1;
      while (!atEnd()) {
        char c = peek();
        if (c >= '0' && c <= '9') {
          pos++;
        } else if (c == '.' && dot < 0) {
          if (pos - digitsStart > 12) {
            throw new IllegalArgumentException("a decimal has at most 12 integer digits");
          }
          dot = pos;
          pos++;
        } else {
          break;
        }
        if (dot < 0 && pos - digitsStart > 15) {
          throw new IllegalArgumentException("an integer has at most 15 digits");
        }
        if (dot >= 0 && pos - digitsStart > 16) {
          throw new IllegalArgumentException("a decimal has at most 16 characters");
        }
      }
      String text = in.substring(start, pos);
      if (dot < 0) {
        return Long.parseLong(text);
      }
      int fraction = pos - dot - 1;
      if (fraction < 1 || fraction > 3) {
        throw new IllegalArgumentException("a decimal has 1 to 3 fractional digits");
      }
      BigDecimal decimal = new BigDecimal(text);
      return negative && decimal.signum() == 0 ? decimal.negate() : decimal;
    }

    String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (!atEnd()) {
        char c = in.charAt(pos++);
        if (c == '\\') {
          if (atEnd()) {
            throw new IllegalArgumentException("string ends inside an escape");
          }
          char next = in.charAt(pos++);
          if (next != '"' && next != '\\') {
            throw new IllegalArgumentException("only \\\" and \\\\ are escapes");
          }
          out.append(next);
        } else if (c == '"') {
          return out.toString();
        } else if (c < 0x20 || c > 0x7e) {
          throw new IllegalArgumentException("a string holds only printable ASCII");
        } else {
          out.append(c);
        }
      }
      throw new IllegalArgumentException("string not closed");
    }

    Token token() {
      int start = pos;
      pos++;
      while (!atEnd()) {
        char c = peek();
        if (isTchar(c) || c == ':' || c == '/') {
          pos++;
        } else {
          break;
        }
      }
      return new Token(in.substring(start, pos));
    }

    byte[] byteSequence() {
      expect(':');
      int end = in.indexOf(':', pos);
      if (end < 0) {
        throw new IllegalArgumentException("byte sequence not closed");
      }
      String text = in.substring(pos, end);
      for (char c : text.toCharArray()) {
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            && "+/=".indexOf(c) < 0) {
          throw new IllegalArgumentException("a byte sequence is base64");
        }
      }
      pos = end + 1;
      try {
        return Base64.getDecoder().decode(text.getBytes(StandardCharsets.US_ASCII));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("a byte sequence is base64", e);
      }
    }

    Boolean bool() {
      expect('?');
      char c = peek();
      pos++;
      return switch (c) {
        case '1' -> Boolean.TRUE;
        case '0' -> Boolean.FALSE;
        default -> throw new IllegalArgumentException("a boolean is ?0 or ?1");
      };
    }

    private static boolean isTchar(char c) {
      return (c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
  }
}
