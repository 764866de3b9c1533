/** Recognition of frames and the installation's recognition settings. */
package dev.facegate.recognition.boundary;
