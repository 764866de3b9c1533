package dev.facegate.access.control;

import dev.facegate.access.control.StructuredFields.InnerList;
import dev.facegate.access.control.StructuredFields.Item;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * HTTP Message Signatures (RFC 9421), the verifier's side, for the components a door needs: the
 * derived components {@code @method}, {@code @path} and {@code @authority}, and header fields by
 * name. Component parameters ({@code ;sf}, {@code ;key}, {@code ;bs}, {@code ;req}) are refused.
 */
public final class HttpSignatures {

  private HttpSignatures() {}

  /** The parts of a request a signature base is built from. */
  public interface Message {

    /** The method, e.g. {@code POST}. */
    String method();

    /** The target path as sent, percent-encoding kept ({@code @path}). */
    String path();

    /** The lower-cased host and port ({@code @authority}); empty when unknown. */
    String authority();

    /**
     * A header field's value: all its lines joined by {@code ", "}, outer whitespace removed.
     *
     * @param name lower case
     */
    Optional<String> field(String name);
  }

  /**
   * One signature from {@code Signature-Input} with its value from {@code Signature}.
   *
   * @param label the dictionary key that names it in both headers
   * @param covered the inner list of covered components with the signature parameters
   * @param signature the signature bytes
   */
  public record SignatureEntry(String label, InnerList covered, byte[] signature) {

    /** The covered component names in order. */
    public List<String> components() {
      return covered.items().stream().map(item -> (String) item.value()).toList();
    }

    /** A signature parameter ({@code created}, {@code keyid}, ...), if present. */
    public Optional<Object> parameter(String name) {
      return Optional.ofNullable(covered.parameters().get(name));
    }
  }

  /**
   * Reads the signatures of a request: each {@code Signature-Input} member that has a {@code
   * Signature} member of the same label.
   *
   * @throws IllegalArgumentException a header is not a well-formed dictionary, a member has the
   *     wrong shape, or a label appears in only one of them
   */
  public static List<SignatureEntry> entries(String signatureInput, String signature) {
    Map<String, Object> inputs = StructuredFields.parseDictionary(signatureInput);
    Map<String, Object> values = StructuredFields.parseDictionary(signature);
    List<SignatureEntry> entries = new ArrayList<>();
    for (Map.Entry<String, Object> input : inputs.entrySet()) {
      if (!(input.getValue() instanceof InnerList covered)) {
        throw new IllegalArgumentException(
            "Signature-Input member " + input.getKey() + " is not an inner list");
      }
      Set<String> seen = new HashSet<>();
      for (Item component : covered.items()) {
        if (!(component.value() instanceof String name)) {
          throw new IllegalArgumentException("a covered component is a string");
        }
        if (!component.parameters().isEmpty()) {
          throw new IllegalArgumentException("component parameters are not supported: " + name);
        }
        if (!seen.add(name) || name.equals("@signature-params")) {
          throw new IllegalArgumentException("component covered twice or not allowed: " + name);
        }
      }
      if (!(values.get(input.getKey()) instanceof Item item)
          || !(item.value() instanceof byte[] bytes)) {
        throw new IllegalArgumentException(
            "Signature has no byte sequence labelled " + input.getKey());
      }
      entries.add(new SignatureEntry(input.getKey(), covered, bytes));
    }
    return List.copyOf(entries);
  }

  /**
   * The signature base (RFC 9421 2.5): one line per covered component, then the {@code
   * @signature-params} line, joined by LF with no LF at the end.
   *
   * @throws IllegalArgumentException a covered component is unknown or absent from the message
   */
  public static String signatureBase(Message message, InnerList covered) {
    StringBuilder base = new StringBuilder();
    for (Item component : covered.items()) {
      String name = (String) component.value();
      String value = componentValue(message, name);
      if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("a component value holds a line break: " + name);
      }
      base.append(StructuredFields.serializeBareItem(name)).append(": ").append(value).append('\n');
    }
    return base.append("\"@signature-params\": ")
        .append(StructuredFields.serialize(covered))
        .toString();
  }

  private static String componentValue(Message message, String name) {
    Function<String, IllegalArgumentException> missing =
        n -> new IllegalArgumentException("the request has no " + n);
    return switch (name) {
      case "@method" -> message.method();
      case "@path" -> message.path().isEmpty() ? "/" : message.path();
      case "@authority" -> {
        if (message.authority().isEmpty()) {
          throw missing.apply(name);
        }
        yield message.authority();
      }
      default -> {
        if (name.startsWith("@") || !name.equals(name.toLowerCase(java.util.Locale.ROOT))) {
          throw new IllegalArgumentException("unsupported component " + name);
        }
        yield message.field(name).orElseThrow(() -> missing.apply(name));
      }
    };
  }

  /** Checks an Ed25519 signature over a signature base. */
  public static boolean verifyEd25519(PublicKey key, String base, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(base.getBytes(StandardCharsets.US_ASCII));
      return verifier.verify(signature);
    } catch (InvalidKeyException | SignatureException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is required by the Java platform (21+)", e);
    }
  }
}
