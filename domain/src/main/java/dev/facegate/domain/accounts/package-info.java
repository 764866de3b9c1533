/** Accounts of the people who use the admin console (administrators and HR staff). */
package dev.facegate.domain.accounts;
