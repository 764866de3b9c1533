/**
 * The kiosk page at {@code /kiosk}: static HTML and scripts that drive the browser camera and talk
 * to {@link dev.facegate.api.access.KioskResource}; this package only chooses between the kiosk and
 * the pairing screen.
 */
package dev.facegate.web.kiosk;
