/** Console accounts: who may log in to the admin console, with which role. */
package dev.facegate.accounts;
