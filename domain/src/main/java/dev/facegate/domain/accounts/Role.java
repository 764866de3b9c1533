package dev.facegate.domain.accounts;

/**
 * What a console user may do. The names are the Jakarta Security role names used in {@code web.xml}
 * and {@code @RolesAllowed}.
 */
public enum Role {
  /** Reads and writes everything: employees, enrolment, devices, settings. */
  ADMIN,
  /** Reads employees, check-ins and attendance reports. */
  HR
}
