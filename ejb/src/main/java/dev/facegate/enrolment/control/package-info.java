/** The enrolment quality gate and template storage. */
package dev.facegate.enrolment.control;
