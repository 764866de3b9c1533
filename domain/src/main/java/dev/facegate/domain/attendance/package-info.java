/** Check-ins: the append-only record of every recognition at a kiosk or door. */
package dev.facegate.domain.attendance;
