package dev.facegate.web.accounts;

import dev.facegate.accounts.boundary.PortalAccounts;
import dev.facegate.domain.accounts.PortalAccount;
import dev.facegate.domain.accounts.Role;
import dev.facegate.platform.BusinessException;
import dev.facegate.web.platform.CurrentUser;
import dev.facegate.web.platform.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Console accounts (administrators only): list, create, disable and enable, reset a password,
 * unlock after failed logins.
 */
@Named
@ViewScoped
public class UsersBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject PortalAccounts accounts;

  @Inject CurrentUser user;

  private List<PortalAccount> list;
  private String username;
  private String password;
  private Role role = Role.HR;

  @PostConstruct
  void load() {
    list = accounts.list();
  }

  public void create() {
    if (!user.mayWrite("create console accounts")) {
      return;
    }
    try {
      PortalAccount created =
          accounts.create(username, password == null ? null : password.toCharArray(), role);
      Messages.info("Account " + created.getUsername() + " (" + created.getRole() + ") created.");
      username = null;
      role = Role.HR;
    } catch (BusinessException e) {
      Messages.error(e);
    }
    password = null;
    load();
  }

  /** Lifts a lockout after failed logins (audited). */
  public void unlock(PortalAccount account) {
    if (!user.mayWrite("unlock console accounts")) {
      return;
    }
    try {
      accounts.unlock(account.getUsername());
      Messages.info("Account " + account.getUsername() + " unlocked.");
    } catch (BusinessException e) {
      Messages.error(e);
    }
    load();
  }

  /** Disables or enables an account (audited); nobody can disable their own. */
  public void toggleEnabled(PortalAccount account) {
    if (!user.mayWrite("disable or enable console accounts")) {
      return;
    }
    try {
      if (account.isEnabled()) {
        accounts.disable(account.getUsername());
        Messages.info("Account " + account.getUsername() + " disabled.");
      } else {
        accounts.enable(account.getUsername());
        Messages.info("Account " + account.getUsername() + " enabled.");
      }
    } catch (BusinessException e) {
      Messages.error(e);
    }
    load();
  }

  /**
   * Gives the account a new random password and shows it once, in this response only (audited; only
   * its hash is stored).
   */
  public void resetPassword(PortalAccount account) {
    if (!user.mayWrite("reset passwords")) {
      return;
    }
    try {
      String password = accounts.resetPassword(account.getUsername());
      Messages.info(
          "New password for "
              + account.getUsername()
              + ": "
              + password
              + " (shown only now; hand it over and ask them to change it).");
    } catch (BusinessException e) {
      Messages.error(e);
    }
    load();
  }

  /** Until when an account is locked after failed logins, or null. */
  public Instant lockedUntil(PortalAccount account) {
    return accounts.lockedUntil(account.getUsername()).orElse(null);
  }

  public List<PortalAccount> getList() {
    return list;
  }

  public Role[] getRoles() {
    return Role.values();
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public Role getRole() {
    return role;
  }

  public void setRole(Role role) {
    this.role = role;
  }
}
