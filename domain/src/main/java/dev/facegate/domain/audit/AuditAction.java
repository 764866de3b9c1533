package dev.facegate.domain.audit;

/** Operations on biometric data, on the settings that govern it, and on console access. */
public enum AuditAction {
  CONSENT_RECORDED,
  CONSENT_WITHDRAWN,
  TEMPLATE_ENROLLED,
  TEMPLATE_DELETED,
  EMPLOYEE_ERASED,
  SETTINGS_CHANGED,
  DEVICE_CREATED,
  DEVICE_TOKEN_ROTATED,
  DEVICE_KEY_REGISTERED,
  DEVICE_DISABLED,
  INDEX_REBUILT,
  ACCOUNT_LOCKED,
  ACCOUNT_UNLOCKED,
  API_TOKEN_CREATED,
  API_TOKEN_REVOKED
}
