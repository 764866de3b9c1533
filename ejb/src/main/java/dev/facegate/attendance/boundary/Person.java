package dev.facegate.attendance.boundary;

import java.time.ZoneId;

/**
 * An employee as reports need them: identity, department and the zone of their site.
 *
 * @param zone the site's time zone, in which their attendance days are local dates
 */
public record Person(
    long id, String number, String name, String department, String site, ZoneId zone) {}
