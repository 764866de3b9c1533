package dev.facegate.enrolment.boundary;

/**
 * What a bulk import did with one file of the archive.
 *
 * @param entry the file's path in the archive
 * @param employeeNumber the folder it was in, the employee's number
 * @param outcome what happened
 * @param message why, in a sentence for the person importing
 */
public record ImportLine(String entry, String employeeNumber, Outcome outcome, String message) {

  /** What happened to one file. */
  public enum Outcome {
    /** It became a template. */
    ENROLLED,
    /** The quality gate refused the photo. */
    REFUSED,
    /** The file was not processed: unknown employee, no consent, not a photo, bad path. */
    SKIPPED
  }
}
