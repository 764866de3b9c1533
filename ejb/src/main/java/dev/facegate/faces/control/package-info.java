/** The face engine's admission control: bounded concurrency and a bounded queue. */
package dev.facegate.faces.control;
