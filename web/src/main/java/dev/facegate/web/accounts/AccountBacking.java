package dev.facegate.web.accounts;

import dev.facegate.accounts.boundary.PortalAccounts;
import dev.facegate.platform.BusinessException;
import dev.facegate.web.platform.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** "My account": any console user changes their own password, with the current one. */
@Named
@RequestScoped
public class AccountBacking {

  @Inject PortalAccounts accounts;

  private String currentPassword;
  private String newPassword;
  private String repeatedPassword;

  public void changePassword() {
    if (newPassword == null || !newPassword.equals(repeatedPassword)) {
      Messages.error("The new password and its repetition differ.");
      return;
    }
    try {
      accounts.changeOwnPassword(
          currentPassword == null ? null : currentPassword.toCharArray(),
          newPassword.toCharArray());
      Messages.info("Password changed.");
    } catch (BusinessException e) {
      Messages.error(e);
    } finally {
      currentPassword = null;
      newPassword = null;
      repeatedPassword = null;
    }
  }

  public String getCurrentPassword() {
    return currentPassword;
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getRepeatedPassword() {
    return repeatedPassword;
  }

  public void setRepeatedPassword(String repeatedPassword) {
    this.repeatedPassword = repeatedPassword;
  }
}
