package dev.facegate.web.platform;

import dev.facegate.domain.accounts.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

/**
 * Who is signed in, for pages (what to render) and backing beans (the action-level check behind
 * every write: a hidden button is not a permission).
 */
@Named
@RequestScoped
public class CurrentUser {

  @Inject SecurityContext security;

  public boolean isAdmin() {
    return security.isCallerInRole(Role.ADMIN.name());
  }

  /**
   * True if the caller is an administrator; otherwise adds an error message saying the action is
   * refused, for backing beans to return early.
   */
  public boolean mayWrite(String action) {
    if (isAdmin()) {
      return true;
    }
    Messages.error("Only administrators can " + action + ".");
    return false;
  }
}
