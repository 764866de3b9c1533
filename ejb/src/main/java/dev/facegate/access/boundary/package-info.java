/** Device management for administrators and device authentication for the door hook. */
package dev.facegate.access.boundary;
