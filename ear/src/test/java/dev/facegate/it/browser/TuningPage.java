package dev.facegate.it.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Threshold tuning: data scope, report and charts, proposal, preview, apply. */
final class TuningPage extends ConsolePage {

  TuningPage(WebDriver driver) {
    super(driver);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tuningForm:recalculate")));
  }

  static TuningPage open(WebDriver driver, String baseUrl) {
    driver.get(baseUrl + "tuning.xhtml");
    return new TuningPage(driver);
  }

  /** Restricts the data to a department, shows the thresholds of a site, recalculates. */
  TuningPage scope(String department, String site) {
    type("tuningForm:filterDepartment", department);
    selectOne("tuningForm:appliesTo", "Site " + site);
    click("tuningForm:recalculate");
    waitForAjax();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("tuningForm:basis"), "site " + site));
    return this;
  }

  /** The text of a figure of the report or preview (plain ids of the page's dd elements). */
  String figure(String id) {
    return text(id);
  }

  boolean unreliableWarningShown() {
    return isPresent("tuningForm:unreliable");
  }

  String operatingPointsText() {
    return text("tuningForm:operatingPoints");
  }

  /** Scrolls an element to the top and waits until every chart on the page has been drawn. */
  void showAndWaitForCharts(String id) {
    ((JavascriptExecutor) driver)
        .executeScript("document.getElementById(arguments[0]).scrollIntoView(true);", id);
    wait.until(
        d ->
            (Boolean)
                ((JavascriptExecutor) d)
                    .executeScript(
                        "var ids = ['tuningForm:histogram', 'tuningForm:roc', 'tuningForm:det'];"
                            + " return !!window.Chart && ids.every(function (id) {"
                            + "   var c = document.getElementById(id + '_canvas');"
                            + "   var chart = c && Chart.getChart(c);"
                            + "   return !!chart && chart.data.datasets.length > 0; });"));
  }

  /** Number of datasets of a chart, by its label. */
  String chartLabels(String chartId) {
    return (String)
        ((JavascriptExecutor) driver)
            .executeScript(
                "var chart = Chart.getChart(document.getElementById(arguments[0] + '_canvas'));"
                    + " return chart.data.datasets.map(function (d) { return d.label; }).join('|')"
                    + " + '|x:' + chart.options.scales.x.type + ':' + chart.options.scales.x.title.text"
                    + " + '|y:' + chart.options.scales.y.type + ':' + chart.options.scales.y.title.text;",
                chartId);
  }

  /** Chooses a target FMR and previews. */
  TuningPage previewTargetFmr(String target) {
    selectOne("tuningForm:targetFmr", target);
    click("tuningForm:previewButton");
    waitForAjax();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tuningForm:previewPanel")));
    return this;
  }

  /** Applies the previewed change through the confirmation dialog; waits for the message. */
  TuningPage apply() {
    click("tuningForm:apply");
    click("tuningForm:confirmYes");
    waitForAjax();
    waitForMessage("tuningForm:messages", "Applied to");
    return this;
  }

  String messages() {
    return text("tuningForm:messages");
  }

  void scrollTo(String id) {
    ((JavascriptExecutor) driver)
        .executeScript("document.getElementById(arguments[0]).scrollIntoView(true);", id);
  }
}
