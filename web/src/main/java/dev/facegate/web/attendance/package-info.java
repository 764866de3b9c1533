/** The check-in log page. */
package dev.facegate.web.attendance;
