package dev.facegate.access.boundary;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a device sent, as far as authentication is concerned: everything but the body, so that a
 * request is authenticated before its body is read.
 *
 * @param method the HTTP method
 * @param path the request path as sent, e.g. {@code /api/v1/doors/7/decisions}
 * @param authority the {@code Host} header, lower case (empty when absent)
 * @param headers the request's header fields by lower-case name, each with all its lines joined by
 *     {@code ", "} (RFC 9421 2.1); at least {@code signature-input}, {@code signature} and {@code
 *     content-digest}, or for a legacy device {@code authorization}, {@code x-facegate-timestamp}
 *     and {@code x-facegate-signature}
 */
public record SignedRequest(
    String method, String path, String authority, Map<String, String> headers) {

  public static final String SIGNATURE_INPUT = "signature-input";
  public static final String SIGNATURE = "signature";
  public static final String CONTENT_DIGEST = "content-digest";
  public static final String AUTHORIZATION = "authorization";
  public static final String LEGACY_TIMESTAMP = "x-facegate-timestamp";
  public static final String LEGACY_SIGNATURE = "x-facegate-signature";

  public SignedRequest {
    headers =
        headers.entrySet().stream()
            .filter(e -> e.getValue() != null)
            .collect(
                Collectors.toUnmodifiableMap(
                    e -> e.getKey().toLowerCase(Locale.ROOT), e -> e.getValue().strip()));
    authority = authority == null ? "" : authority.strip().toLowerCase(Locale.ROOT);
  }

  /** A header field's value, outer whitespace removed. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }
}
