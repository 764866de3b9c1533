/** Password hashing and the first administrator account. */
package dev.facegate.accounts.control;
