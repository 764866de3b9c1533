/** How the portal is run: the local-run script over HTTPS. */
package dev.facegate.it.operations;
