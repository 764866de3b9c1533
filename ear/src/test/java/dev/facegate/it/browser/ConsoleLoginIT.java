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

/** An administrator logs in to the console in headless Chromium and registers an employee. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleLoginIT extends BrowserSession {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.application();
  }

  @ArquillianResource URL baseUrl;

  @Test
  void administratorLogsInRegistersAnEmployeeAndSeesItListed() {
    String number = "UI-" + UUID.randomUUID().toString().substring(0, 8);
    LoginPage login = LoginPage.open(browser.driver(), baseUrl.toString());
    browser.screenshot("01-login");

    EmployeesPage employees =
        login.logInAs(TestCredentials.ADMIN_USERNAME, TestCredentials.adminPassword());
    assertThat(employees.signedInUser()).contains("admin").contains("Administrator");
    browser.screenshot("02-employees-after-login");

    employees.register(number, "Dorothy Vaughan", "Computing");
    browser.screenshot("03-employee-registered");

    assertThat(employees.rows())
        .anySatisfy(row -> assertThat(row).contains(number, "Dorothy Vaughan", "Computing"));
  }

  @Test
  void wrongPasswordShowsAnErrorAndStaysOnTheLoginPage() {
    LoginPage login =
        LoginPage.open(browser.driver(), baseUrl.toString())
            .logInExpectingFailure(TestCredentials.ADMIN_USERNAME, "not-the-password");
    browser.screenshot("04-wrong-password");

    assertThat(login.errorMessage()).contains("Wrong username or password");
    assertThat(browser.driver().getCurrentUrl()).contains("login.xhtml");
  }
}
