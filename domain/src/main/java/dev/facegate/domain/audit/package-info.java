/** The audit trail of operations on biometric data: who did what, to whom, when; never the data. */
package dev.facegate.domain.audit;
