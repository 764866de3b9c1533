/** Devices (kiosks, door controllers), their credentials and signed requests. */
package dev.facegate.access;
