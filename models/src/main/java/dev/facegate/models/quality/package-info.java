/**
 * Measures of how usable a detected face is for enrolment: size, sharpness and how frontal it is.
 */
package dev.facegate.models.quality;
