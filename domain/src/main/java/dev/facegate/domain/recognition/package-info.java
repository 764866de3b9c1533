/**
 * The open-set decision: given the nearest templates of a probe face, is it one enrolled person, or
 * unknown? Pure rules, testable without a server.
 */
package dev.facegate.domain.recognition;
