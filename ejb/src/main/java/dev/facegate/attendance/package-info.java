/** The check-in log: every recognition, queried by HR and administrators. */
package dev.facegate.attendance;
