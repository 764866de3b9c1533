/** Recognition settings over REST. */
package dev.facegate.api.recognition;
