/**
 * System tests of the attendance reports on WildFly and PostgreSQL: a generated month of check-ins
 * written straight into the database, then the REST API, the exports and the console pages.
 */
package dev.facegate.it.attendance;
