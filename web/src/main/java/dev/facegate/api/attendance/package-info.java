/** The check-in log over REST (ADMIN, HR). */
package dev.facegate.api.attendance;
