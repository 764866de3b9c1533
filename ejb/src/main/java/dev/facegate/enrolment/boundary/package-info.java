/** Consent, enrolment of photos, templates and index maintenance, as the web layer sees them. */
package dev.facegate.enrolment.boundary;
