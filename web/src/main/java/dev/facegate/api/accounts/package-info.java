/** REST resources of console accounts: creation, lockouts and personal API tokens. */
package dev.facegate.api.accounts;
