package dev.pulse.eval;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * report.html through a Mustache template that escapes everything it is given: a self-contained
 * page (inline style, inline SVG, no script, nothing fetched) with the figures, the confusion
 * matrices as tables coloured by row share, and histograms of summary length and latency.
 */
final class ReportHtml {

  private static final Mustache TEMPLATE =
      new DefaultMustacheFactory("dev/pulse/eval").compile("report.mustache");
  private static final int BINS = 12;
  private static final int CHART_W = 300;
  private static final int CHART_H = 90;

  private ReportHtml() {}

  static String render(EvalReport report) {
    Map<String, Object> view = new LinkedHashMap<>();
    List<Object> names = new ArrayList<>();
    List<Object> setups = new ArrayList<>();
    for (SetupReport s : report.setups()) {
      names.add(s.name());
      Map<String, @Nullable Object> v = new LinkedHashMap<>();
      v.put("name", s.name());
      v.put("analyzer", s.analyzer());
      v.put("category", matrix(s.category()));
      v.put("sentiment", matrix(s.sentiment()));
      v.put("words", chart(s.words(), "words"));
      v.put("latency", chart(s.latencyMs(), "ms"));
      setups.add(v);
    }
    List<Object> rows = new ArrayList<>();
    String md = report.markdown();
    // the figures table is the markdown's first table: one source for both formats
    for (String line : md.substring(md.indexOf("| analyzer")).split("\n")) {
      if (!line.startsWith("|")) {
        break;
      }
      String[] cells = line.substring(2, line.length() - 2).split(" \\| ", -1);
      rows.add(Map.of("label", cells[0], "values", List.of(cells).subList(1, cells.length)));
    }
    view.put("names", names);
    view.put("rows", rows);
    view.put("setups", setups);
    List<Object> dis = new ArrayList<>();
    report.disagreements().stream()
        .limit(EvalReport.MAX_DISAGREEMENTS)
        .forEach(
            d ->
                dis.add(
                    Map.of(
                        "id",
                        d.id(),
                        "what",
                        d.what(),
                        "first",
                        String.valueOf(d.first()),
                        "second",
                        String.valueOf(d.second()))));
    view.put("compare", report.setups().size() > 1);
    view.put("disagreementCount", report.disagreements().size());
    view.put("disagreements", dis);
    StringWriter w = new StringWriter();
    TEMPLATE.execute(w, view);
    return w.toString();
  }

  private static @Nullable Map<String, Object> matrix(@Nullable LabelScores l) {
    if (l == null) {
      return null;
    }
    List<Object> rows = new ArrayList<>();
    for (String e : l.expected()) {
      int total = l.predicted().stream().mapToInt(p -> l.count(e, p)).sum();
      List<Object> cells = new ArrayList<>();
      for (String p : l.predicted()) {
        int n = l.count(e, p);
        double share = total == 0 ? 0 : (double) n / total;
        String rgb = e.equals(p) ? "22,163,74" : "220,38,38";
        cells.add(
            Map.of(
                "n",
                n,
                "style",
                String.format(Locale.ROOT, "background:rgba(%s,%.2f)", rgb, 0.08 + 0.8 * share)));
      }
      rows.add(Map.of("label", e, "cells", cells));
    }
    return Map.of(
        "columns",
        l.predicted(),
        "rows",
        rows,
        "accuracy",
        EvalReport.f3(l.accuracy()),
        "macroF1",
        EvalReport.f3(l.macroF1()),
        "n",
        l.n());
  }

  private static @Nullable Map<String, Object> chart(Distribution d, String unit) {
    if (d.n() == 0) {
      return null;
    }
    int[] h = d.histogram(BINS);
    int top = 1;
    for (int c : h) {
      top = Math.max(top, c);
    }
    List<Object> bars = new ArrayList<>();
    double w = (double) CHART_W / BINS;
    for (int i = 0; i < BINS; i++) {
      double height = (double) h[i] / top * CHART_H;
      bars.add(
          Map.of(
              "x",
              fmt(i * w + 1),
              "y",
              fmt(CHART_H - height),
              "w",
              fmt(w - 2),
              "h",
              fmt(height),
              "n",
              h[i]));
    }
    return Map.of(
        "bars",
        bars,
        "min",
        fmt(d.min()),
        "max",
        fmt(d.max()),
        "unit",
        unit,
        "p50",
        fmt(d.percentile(50)),
        "p90",
        fmt(d.percentile(90)),
        "width",
        CHART_W,
        "height",
        CHART_H + 14,
        "axis",
        CHART_H + 12,
        "right",
        CHART_W);
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
