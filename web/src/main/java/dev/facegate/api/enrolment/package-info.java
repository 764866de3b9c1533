/** Consent, templates and erasure over REST (administrators). */
package dev.facegate.api.enrolment;
