package dev.facegate.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads request bodies with a size limit, so an oversized upload is refused with 413 before it is
 * buffered: by its declared Content-Length when there is one, otherwise as soon as the limit is
 * passed while reading.
 */
public final class Uploads {

  private Uploads() {}

  public static byte[] read(InputStream body, HttpHeaders headers, long maxBytes) {
    String declared = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (declared != null) {
      try {
        if (Long.parseLong(declared.strip()) > maxBytes) {
          throw tooLarge(maxBytes);
        }
      } catch (NumberFormatException e) {
        throw new WebApplicationException(
            Problem.response(Response.Status.BAD_REQUEST, "Content-Length is not a number."));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (InputStream in = body) {
      int n;
      while ((n = in.read(buffer)) != -1) {
        total += n;
        if (total > maxBytes) {
          throw tooLarge(maxBytes);
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new WebApplicationException(
          Problem.response(Response.Status.BAD_REQUEST, "The request body could not be read."));
    }
    if (total == 0) {
      throw new WebApplicationException(
          Problem.response(
              Problem.UNPROCESSABLE_CONTENT,
              "Unprocessable Content",
              "The request body is empty; an image is required.",
              List.of()));
    }
    return out.toByteArray();
  }

  private static WebApplicationException tooLarge(long maxBytes) {
    return new WebApplicationException(
        Problem.response(
            Response.Status.REQUEST_ENTITY_TOO_LARGE,
            "The upload exceeds the limit of " + maxBytes + " bytes."));
  }
}
