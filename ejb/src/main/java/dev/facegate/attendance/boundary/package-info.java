/** Paged, filtered reading of check-ins. */
package dev.facegate.attendance.boundary;
