/** Check-in persistence: the attendance component is the only writer and reader of check-ins. */
package dev.facegate.attendance.control;
