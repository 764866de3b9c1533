package dev.facegate.web.attendance;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * Chart.js configurations as JSON for {@code p:chart} (PrimeFaces bundles Chart.js; nothing comes
 * from a CDN). Built with JSON-P so labels are escaped.
 */
final class Charts {

  private Charts() {}

  static String line(
      String label, List<String> labels, List<? extends Number> values, String color, Number max) {
    return chart("line", label, labels, values, color, max);
  }

  static String bar(
      String label, List<String> labels, List<? extends Number> values, String color) {
    return chart("bar", label, labels, values, color, null);
  }

  private static String chart(
      String type,
      String label,
      List<String> labels,
      List<? extends Number> values,
      String color,
      Number max) {
    JsonArrayBuilder labelArray = Json.createArrayBuilder();
    labels.forEach(labelArray::add);
    JsonArrayBuilder data = Json.createArrayBuilder();
    for (Number v : values) {
      data.add(v.doubleValue());
    }
    JsonObjectBuilder dataset =
        Json.createObjectBuilder()
            .add("label", label)
            .add("data", data)
            .add("backgroundColor", color)
            .add("borderColor", color)
            .add("fill", false)
            .add("tension", 0.2);
    JsonObjectBuilder y =
        Json.createObjectBuilder()
            .add("beginAtZero", true)
            // counts and percentages: no fractional ticks such as "1.2 late arrivals"
            .add("ticks", Json.createObjectBuilder().add("precision", 0));
    if (max != null) {
      y.add("max", max.doubleValue());
    }
    return Json.createObjectBuilder()
        .add("type", type)
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", labelArray)
                .add("datasets", Json.createArrayBuilder().add(dataset)))
        .add(
            "options",
            Json.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add(
                    "plugins",
                    Json.createObjectBuilder()
                        .add("legend", Json.createObjectBuilder().add("display", false)))
                .add("scales", Json.createObjectBuilder().add("y", y)))
        .build()
        .toString();
  }
}
