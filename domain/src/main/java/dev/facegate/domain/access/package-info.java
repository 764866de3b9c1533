/** Kiosks and door controllers: the devices that send frames for recognition. */
package dev.facegate.domain.access;
