/** The index facade that other components call, and the configuration that chooses a backend. */
package dev.facegate.index.boundary;
