/** The console accounts page (administrators only). */
package dev.facegate.web.accounts;
