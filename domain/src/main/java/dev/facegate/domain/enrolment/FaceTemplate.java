package dev.facegate.domain.enrolment;

import static java.util.Objects.requireNonNull;

import dev.facegate.domain.people.Employee;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One enrolled face of an employee: the embedding of one accepted photo. The database is the source
 * of truth for templates; the search index is derived from it and can be rebuilt.
 *
 * <p>Invariants: the vector is L2-normalised and has as many dimensions as the model produces; the
 * model id and version say which network made it, so a model change is a re-embedding, never a
 * silent mix of incomparable vectors.
 */
@Entity
@Table(name = "face_template")
@NamedQuery(
    name = FaceTemplate.FIND_BY_EMPLOYEE,
    query = "SELECT t FROM FaceTemplate t WHERE t.employee = :employee ORDER BY t.createdAt")
@NamedQuery(
    name = FaceTemplate.FIND_BY_MODEL,
    query =
        "SELECT t FROM FaceTemplate t JOIN FETCH t.employee WHERE t.modelVersion = :modelVersion ORDER BY t.id")
@NamedQuery(
    name = FaceTemplate.DELETE_BY_EMPLOYEE,
    query = "DELETE FROM FaceTemplate t WHERE t.employee = :employee")
public class FaceTemplate {

  public static final String FIND_BY_EMPLOYEE = "FaceTemplate.findByEmployee";
  public static final String FIND_BY_MODEL = "FaceTemplate.findByModel";
  public static final String DELETE_BY_EMPLOYEE = "FaceTemplate.deleteByEmployee";

  private static final float UNIT_TOLERANCE = 1e-3f;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "employee_id", nullable = false, updatable = false)
  private Employee employee;

  @Convert(converter = FloatVectorConverter.class)
  @Column(name = "vector", nullable = false, updatable = false)
  private float[] vector;

  @Column(name = "model_id", nullable = false, updatable = false, length = 64)
  private String modelId;

  @Column(name = "model_version", nullable = false, updatable = false, length = 64)
  private String modelVersion;

  @Column(name = "detection_score", nullable = false, updatable = false)
  private double detectionScore;

  @Column(name = "face_size_px", nullable = false, updatable = false)
  private int faceSizePx;

  @Column(name = "sharpness", nullable = false, updatable = false)
  private double sharpness;

  @Column(name = "frontalness", nullable = false, updatable = false)
  private double frontalness;

  /** The aligned face chip as PNG, kept only when the installation's setting asks for it. */
  @Basic(fetch = FetchType.LAZY)
  @Column(name = "face_crop_png")
  private byte[] faceCropPng;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  /** For JPA only. */
  protected FaceTemplate() {}

  public FaceTemplate(
      Employee employee,
      float[] vector,
      String modelId,
      String modelVersion,
      TemplateQuality quality,
      byte[] faceCropPng,
      Instant createdAt) {
    this.employee = requireNonNull(employee, "employee is required");
    this.vector = requireUnitVector(vector);
    this.modelId = requireNonNull(modelId, "model id is required");
    this.modelVersion = requireNonNull(modelVersion, "model version is required");
    requireNonNull(quality, "quality is required");
    this.detectionScore = quality.detectionScore();
    this.faceSizePx = quality.faceSizePx();
    this.sharpness = quality.sharpness();
    this.frontalness = quality.frontalness();
    this.faceCropPng = faceCropPng == null ? null : faceCropPng.clone();
    this.createdAt = requireNonNull(createdAt, "creation time is required");
  }

  private static float[] requireUnitVector(float[] vector) {
    requireNonNull(vector, "vector is required");
    double norm = 0;
    for (float v : vector) {
      if (!Float.isFinite(v)) {
        throw new IllegalArgumentException("vector has a non-finite component");
      }
      norm += v * v;
    }
    if (vector.length == 0 || Math.abs(Math.sqrt(norm) - 1) > UNIT_TOLERANCE) {
      throw new IllegalArgumentException("vector must be L2-normalised");
    }
    return vector.clone();
  }

  public Long getId() {
    return id;
  }

  public Employee getEmployee() {
    return employee;
  }

  /** A copy: templates never change. */
  public float[] getVector() {
    return vector.clone();
  }

  public String getModelId() {
    return modelId;
  }

  public String getModelVersion() {
    return modelVersion;
  }

  public TemplateQuality getQuality() {
    return new TemplateQuality(detectionScore, faceSizePx, sharpness, frontalness);
  }

  public boolean hasFaceCrop() {
    return faceCropPng != null;
  }

  public byte[] getFaceCropPng() {
    return faceCropPng == null ? null : faceCropPng.clone();
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
