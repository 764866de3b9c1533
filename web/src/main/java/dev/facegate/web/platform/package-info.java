/** What every console page shares: messages, the signed-in user, error handling. */
package dev.facegate.web.platform;
