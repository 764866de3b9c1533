/** The face engine (models loaded once per server) and the check-in recorder. */
package dev.facegate.recognition.control;
