package dev.facegate.api.enrolment;

import dev.facegate.api.Uploads;
import dev.facegate.domain.enrolment.FaceTemplate;
import dev.facegate.domain.people.Employee;
import dev.facegate.enrolment.boundary.Enrolment;
import dev.facegate.enrolment.boundary.PhotoVerdict;
import dev.facegate.enrolment.boundary.Refusal;
import dev.facegate.enrolment.boundary.UploadedPhoto;
import dev.facegate.people.boundary.Employees;
import dev.facegate.platform.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Face templates of one employee. HR may read them; changes are for administrators. */
@Path("v1/employees/{employeeNumber}/templates")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
public class TemplatesResource {

  @Inject Employees employees;

  @Inject Enrolment enrolment;

  @Inject
  @ConfigProperty(name = "facegate.upload.max-bytes")
  long maxBytes;

  /** A template as the API shows it: metadata only, never the vector or the crop. */
  public record TemplateView(
      long id,
      String modelId,
      String modelVersion,
      int faceSizePx,
      double sharpness,
      double frontalness,
      boolean hasFaceCrop,
      Instant createdAt) {

    static TemplateView of(FaceTemplate t) {
      return new TemplateView(
          t.getId(),
          t.getModelId(),
          t.getModelVersion(),
          t.getQuality().faceSizePx(),
          t.getQuality().sharpness(),
          t.getQuality().frontalness(),
          t.hasFaceCrop(),
          t.getCreatedAt());
    }
  }

  /** The quality gate's verdict on an uploaded photo. */
  public record VerdictView(
      String fileName,
      boolean accepted,
      Long templateId,
      String refusal,
      String message,
      String detail,
      double[] faceBox) {

    static VerdictView of(PhotoVerdict v) {
      return new VerdictView(
          v.fileName(),
          v.accepted(),
          v.templateId().orElse(null),
          v.refusal().map(Enum::name).orElse(null),
          v.refusal().map(r -> r.message()).orElse("Accepted."),
          v.detail(),
          v.faceBox().orElse(null));
    }
  }

  @GET
  @RolesAllowed({"ADMIN", "HR"})
  public List<TemplateView> templates(@PathParam("employeeNumber") String number) {
    return enrolment.templates(employee(number).getId()).stream().map(TemplateView::of).toList();
  }

  /**
   * Enrols one photo (JPEG or PNG body).
   *
   * @return 201 with the verdict when accepted; 415 when the upload is not an image; 422 with the
   *     verdict when the quality gate refused it
   */
  @POST
  @Consumes({"image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
  public Response enrol(
      @PathParam("employeeNumber") String number,
      @HeaderParam("X-File-Name") String fileName,
      @Context HttpHeaders headers,
      InputStream body) {
    byte[] photo = Uploads.read(body, headers, maxBytes);
    PhotoVerdict verdict =
        enrolment.enrolPhoto(employee(number).getId(), new UploadedPhoto(fileName, photo));
    int status =
        verdict.accepted()
            ? 201
            : verdict.refusal().orElseThrow() == Refusal.NOT_AN_IMAGE ? 415 : 422;
    return Response.status(status).entity(VerdictView.of(verdict)).build();
  }

  // No body; declared anyway so that a cross-site form post (form or text/plain) gets 415.
  @Consumes(MediaType.APPLICATION_JSON)
  @DELETE
  @Path("{templateId}")
  public Response deleteTemplate(
      @PathParam("employeeNumber") String number, @PathParam("templateId") long templateId) {
    boolean belongs =
        enrolment.templates(employee(number).getId()).stream()
            .anyMatch(t -> t.getId() == templateId);
    if (!belongs) {
      throw new NotFoundException("Employee " + number + " has no template " + templateId + ".");
    }
    enrolment.deleteTemplate(templateId);
    return Response.noContent().build();
  }

  private Employee employee(String number) {
    return employees
        .findByNumber(number)
        .orElseThrow(() -> new NotFoundException("No employee with number " + number + "."));
  }
}
