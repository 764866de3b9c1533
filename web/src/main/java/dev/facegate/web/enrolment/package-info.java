/** The enrolment page of an employee and the bulk import of photos. */
package dev.facegate.web.enrolment;
