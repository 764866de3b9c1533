package dev.facegate.web.recognition;

import dev.facegate.access.boundary.Devices;
import dev.facegate.attendance.boundary.Sites;
import dev.facegate.platform.BusinessException;
import dev.facegate.recognition.boundary.Calibration;
import dev.facegate.recognition.boundary.Settings;
import dev.facegate.recognition.entity.CalibrationScope;
import dev.facegate.recognition.entity.ChangePreview;
import dev.facegate.recognition.entity.ThresholdChange;
import dev.facegate.recognition.entity.TuningReport;
import dev.facegate.web.platform.CurrentUser;
import dev.facegate.web.platform.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Threshold tuning: the calibration of the enrolled templates (data scope, thresholds of the
 * installation or a site), a proposed threshold from a target FMR or typed, its preview, and
 * applying it (administrators; HR sees and previews).
 */
@Named
@ViewScoped
public class TuningBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Target FMRs offered, as the page shows them. */
  private static final List<String> TARGETS = List.of("1e-2", "1e-3", "1e-4", "1e-5", "1e-6");

  @Inject Calibration calibration;

  @Inject Settings settings;

  @Inject Devices devices;

  @Inject Sites sites;

  @Inject CurrentUser user;

  private String filterSite;
  private String filterDepartment;
  private String appliesTo = "";
  private String mode = "fmr";
  private String targetFmr = "1e-3";
  private Double threshold;
  private Double margin;
  private boolean acceptHighFmr;

  private TuningReport report;
  private ChangePreview preview;

  @PostConstruct
  void load() {
    try {
      report = calibration.report(scope(), appliesTo);
      if (margin == null) {
        margin = report.currentMargin();
      }
      if (threshold == null) {
        threshold = report.currentThreshold();
      }
    } catch (BusinessException e) {
      Messages.error(e);
    }
  }

  /** Recomputes the report for the chosen data scope and site; forgets the preview. */
  public void recalculate() {
    preview = null;
    threshold = null;
    margin = null;
    load();
  }

  public void previewChange() {
    try {
      preview = calibration.preview(change());
    } catch (BusinessException e) {
      preview = null;
      Messages.error(e);
    }
  }

  public void apply() {
    if (!user.mayWrite("change the recognition threshold")) {
      return;
    }
    try {
      ChangePreview applied = calibration.apply(change());
      Messages.info(
          String.format(
              Locale.ROOT,
              "Applied to %s: threshold %.4f, margin %.3f (was %.4f, %.3f). The change is in the"
                  + " audit trail.",
              applied.site() == null ? "the installation default" : "site " + applied.site(),
              applied.threshold(),
              applied.margin(),
              applied.currentThreshold(),
              applied.currentMargin()));
      preview = null;
      acceptHighFmr = false;
      report = calibration.report(scope(), appliesTo);
      threshold = report.currentThreshold();
      margin = report.currentMargin();
    } catch (BusinessException e) {
      Messages.error(e);
    }
  }

  private CalibrationScope scope() {
    return CalibrationScope.of(null, filterSite, filterDepartment);
  }

  private ThresholdChange change() {
    boolean byFmr = "fmr".equals(mode);
    return new ThresholdChange(
        appliesTo,
        byFmr ? Double.valueOf(targetFmr) : null,
        byFmr ? null : threshold,
        margin,
        acceptHighFmr,
        scope());
  }

  /** Sites to choose from: those of devices, of time zones and of existing overrides. */
  public List<String> getSites() {
    TreeSet<String> names = new TreeSet<>();
    devices.list().forEach(d -> names.add(d.getSite()));
    sites.list().forEach(s -> names.add(s.getName()));
    names.addAll(settings.current().getSiteOverrides().keySet());
    return List.copyOf(names);
  }

  public List<String> getTargets() {
    return TARGETS;
  }

  public String getHistogramChart() {
    if (report == null || report.histogram() == null) {
      return null;
    }
    return TuningCharts.histogram(
        report.histogram(),
        report.currentThreshold(),
        preview == null ? null : preview.threshold());
  }

  public String getRocChart() {
    return report == null || !report.scorable()
        ? null
        : TuningCharts.roc(report.curve(), current(), proposed(), report.smallestResolvableFmr());
  }

  public String getDetChart() {
    return report == null || !report.scorable()
        ? null
        : TuningCharts.det(report.curve(), current(), proposed(), report.smallestResolvableFmr());
  }

  private double[] current() {
    return report.currentFmr() == null
        ? null
        : new double[] {report.currentFmr(), report.currentFnmr()};
  }

  private double[] proposed() {
    return preview == null || preview.estimatedFmr() == null
        ? null
        : new double[] {preview.estimatedFmr(), preview.estimatedFnmr()};
  }

  /** A rate in scientific notation, or a dash. */
  public String rate(Double value) {
    return value == null ? "—" : String.format(Locale.ROOT, "%.2e", value);
  }

  /** A fraction as a percentage, or a dash. */
  public String percent(Double value) {
    return value == null ? "—" : String.format(Locale.ROOT, "%.2f %%", 100 * value);
  }

  /** A threshold to four decimals, or a dash. */
  public String threshold4(Double value) {
    return value == null ? "—" : String.format(Locale.ROOT, "%.4f", value);
  }

  /** Expected false opens per 1,000 strangers, to one decimal, or a dash. */
  public String perThousand(Double value) {
    return value == null ? "—" : String.format(Locale.ROOT, "%.1f", value);
  }

  public TuningReport getReport() {
    return report;
  }

  public ChangePreview getPreview() {
    return preview;
  }

  public String getFilterSite() {
    return filterSite;
  }

  public void setFilterSite(String filterSite) {
    this.filterSite = filterSite;
  }

  public String getFilterDepartment() {
    return filterDepartment;
  }

  public void setFilterDepartment(String filterDepartment) {
    this.filterDepartment = filterDepartment;
  }

  public String getAppliesTo() {
    return appliesTo;
  }

  public void setAppliesTo(String appliesTo) {
    this.appliesTo = appliesTo == null ? "" : appliesTo;
  }

  public String getMode() {
    return mode;
  }

  public void setMode(String mode) {
    this.mode = mode;
  }

  public String getTargetFmr() {
    return targetFmr;
  }

  public void setTargetFmr(String targetFmr) {
    this.targetFmr = TARGETS.contains(targetFmr) ? targetFmr : "1e-3";
  }

  public Double getThreshold() {
    return threshold;
  }

  public void setThreshold(Double threshold) {
    this.threshold = threshold;
  }

  public Double getMargin() {
    return margin;
  }

  public void setMargin(Double margin) {
    this.margin = margin;
  }

  public boolean isAcceptHighFmr() {
    return acceptHighFmr;
  }

  public void setAcceptHighFmr(boolean acceptHighFmr) {
    this.acceptHighFmr = acceptHighFmr;
  }
}
