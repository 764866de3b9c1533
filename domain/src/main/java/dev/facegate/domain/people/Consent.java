package dev.facegate.domain.people;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * An employee's explicit consent to biometric processing (GDPR art. 9, BIPA): when it was given,
 * who recorded it, and which version of the privacy notice the employee was shown.
 */
@Embeddable
public class Consent {

  @Column(name = "consent_given_at")
  private Instant givenAt;

  @Column(name = "consent_recorded_by", length = 64)
  private String recordedBy;

  @Column(name = "consent_notice_version", length = 32)
  private String noticeVersion;

  /** For JPA only. */
  protected Consent() {}

  public Consent(Instant givenAt, String recordedBy, String noticeVersion) {
    this.givenAt = requireNonNull(givenAt, "consent time is required");
    this.recordedBy = requireNonNull(recordedBy, "who recorded the consent is required");
    this.noticeVersion = requireNonNull(noticeVersion, "notice version is required");
  }

  public Instant getGivenAt() {
    return givenAt;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public String getNoticeVersion() {
    return noticeVersion;
  }
}
