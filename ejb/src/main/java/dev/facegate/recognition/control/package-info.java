/** Recognition settings (thresholds per site) and their first-start defaults. */
package dev.facegate.recognition.control;
