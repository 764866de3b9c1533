/** Enrolment: consent, photos through the quality gate, templates in database and index. */
package dev.facegate.enrolment;
