/** The door-controller hook and device administration over REST. */
package dev.facegate.api.access;
