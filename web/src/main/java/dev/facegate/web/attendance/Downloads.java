package dev.facegate.web.attendance;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** Streams a file as the response of a non-ajax console action. */
final class Downloads {

  private Downloads() {}

  /**
   * Replaces the page response by the file that {@code body} writes, then completes the response.
   * The caller checks its input first: once this starts, errors can no longer become messages.
   */
  static void send(String contentType, String filename, Consumer<OutputStream> body) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    external.responseReset();
    external.setResponseContentType(contentType);
    external.setResponseHeader(
        "Content-Disposition",
        "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
    try {
      OutputStream out = external.getResponseOutputStream();
      body.accept(out);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }
}
