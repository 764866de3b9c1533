/** System tests of the kiosk: pairing, frames, the badge keypad, in the API and in a browser. */
package dev.facegate.it.kiosk;
