/** The employee register through its boundary, inside the server. */
package dev.facegate.it.people;
