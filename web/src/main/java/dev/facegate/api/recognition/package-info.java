/** Recognition settings and threshold tuning over REST. */
package dev.facegate.api.recognition;
