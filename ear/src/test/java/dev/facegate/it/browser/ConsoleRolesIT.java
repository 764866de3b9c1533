package dev.facegate.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facegate.it.support.Deployments;
import dev.facegate.it.support.TestCredentials;
import java.net.URL;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Roles and sessions: an administrator creates an HR account; HR reads but cannot reach an
 * administrator's page or action; an expired session leads back to the login page with a message.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleRolesIT extends BrowserSession {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL baseUrl;

  @Test
  void hrReadsButCannotReachAdministratorPagesOrActions() {
    String base = baseUrl.toString();
    String hr = "hr." + UUID.randomUUID().toString().substring(0, 8);
    String password = "Hr-" + UUID.randomUUID();

    LoginPage.open(browser.driver(), base)
        .logInAs(TestCredentials.ADMIN_USERNAME, TestCredentials.adminPassword());
    UsersPage.open(browser.driver(), base).createHr(hr, password);
    browser.screenshot("roles-01-hr-account-created");
    browser.driver().manage().deleteAllCookies();

    EmployeesPage employees = LoginPage.open(browser.driver(), base).logInAs(hr, password);
    assertThat(employees.signedInUser()).contains(hr, "HR");
    assertThat(employees.registrationFormShown()).isFalse();
    assertThat(employees.isPresent("navUsers")).isFalse();
    assertThat(employees.isPresent("navImport")).isFalse();
    browser.screenshot("roles-02-hr-employees-read-only");

    assertThat(DevicesPage.open(browser.driver(), base).registrationFormShown()).isFalse();
    browser.screenshot("roles-03-hr-devices-read-only");

    for (String adminPage : new String[] {"admin/users.xhtml", "admin/import.xhtml"}) {
      browser.driver().get(base + adminPage);
      new org.openqa.selenium.support.ui.WebDriverWait(
              browser.driver(), java.time.Duration.ofSeconds(30))
          .until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.tagName("body"), "You do not have access to this page"));
      assertThat(browser.driver().getPageSource()).doesNotContain("usersForm", "importForm");
    }
    browser.screenshot("roles-04-hr-refused-admin-page");
  }

  @Test
  void aUserChangesTheirOwnPasswordOnTheAccountPage() {
    String base = baseUrl.toString();
    String hr = "hr." + UUID.randomUUID().toString().substring(0, 8);
    String password = "Hr-" + UUID.randomUUID();
    String fresh = "Hr-new-" + UUID.randomUUID();
    LoginPage.open(browser.driver(), base)
        .logInAs(TestCredentials.ADMIN_USERNAME, TestCredentials.adminPassword());
    UsersPage.open(browser.driver(), base).createHr(hr, password);
    browser.driver().manage().deleteAllCookies();
    EmployeesPage employees = LoginPage.open(browser.driver(), base).logInAs(hr, password);

    AccountPage account = employees.navigate("userForm:navAccount", AccountPage::new);
    account.changePassword(password, fresh, fresh + "x");
    assertThat(account.messages()).contains("differ");
    account.changePassword(password, "password1234", "password1234");
    assertThat(account.messages()).contains("attackers try first");
    browser.screenshot("roles-06-account-password-refused");
    account.changePassword(password, fresh, fresh);
    assertThat(account.messages()).contains("Password changed.");
    browser.screenshot("roles-07-account-password-changed");

    browser.driver().manage().deleteAllCookies();
    assertThat(LoginPage.open(browser.driver(), base).logInAs(hr, fresh).signedInUser())
        .contains(hr);
  }

  @Test
  void anExpiredSessionLeadsToTheLoginPageWithAMessage() {
    String base = baseUrl.toString();
    EmployeesPage employees =
        LoginPage.open(browser.driver(), base)
            .logInAs(TestCredentials.ADMIN_USERNAME, TestCredentials.adminPassword());
    // The server forgets nothing here; the browser losing its session cookie looks the same.
    browser.driver().manage().deleteAllCookies();
    employees.click("employeesForm:create");

    LoginPage login = LoginPage.afterRedirect(browser.driver());
    assertThat(login.expiryMessage()).contains("Your session has expired");
    browser.screenshot("roles-05-session-expired");
  }
}
