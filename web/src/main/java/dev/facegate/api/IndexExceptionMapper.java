package dev.facegate.api;

import dev.facegate.index.entity.FaceIndexException;
import dev.facegate.index.entity.InvalidFaceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The face index refused input (422) or is unreachable (503, retry later). */
@Provider
public class IndexExceptionMapper implements ExceptionMapper<FaceIndexException> {

  private static final Logger LOG = Logger.getLogger(IndexExceptionMapper.class.getName());

  @Override
  public Response toResponse(FaceIndexException e) {
    if (e instanceof InvalidFaceException) {
      return Problem.response(
          Problem.UNPROCESSABLE_CONTENT, "Unprocessable Content", e.getMessage(), List.of());
    }
    LOG.log(Level.WARNING, "Face index unavailable", e);
    return Problem.response(
        Response.Status.SERVICE_UNAVAILABLE, "The face index is unavailable; try again shortly.");
  }
}
