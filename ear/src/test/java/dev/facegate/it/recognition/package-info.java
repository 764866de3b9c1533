/** Enrolment, 1:N recognition through the door hook, check-ins and erasure, end to end. */
package dev.facegate.it.recognition;
