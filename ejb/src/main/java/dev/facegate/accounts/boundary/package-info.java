/** Credential checks for the console's authentication mechanism. */
package dev.facegate.accounts.boundary;
