/* storyledger charts: Vega-Lite specs built from the view rows, the same way in every chart.
   One outlet has one colour everywhere, one relation one shape, one kind of record one shape;
   dates carry their year; legends go below the chart on a narrow screen. Data is inlined as
   values (never a named data set left empty). */
(function () {
  "use strict";
  const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
  const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
    "#ff9da7", "#9c755f", "#bab0ac"];
  // A figure's place in its series, in words, and a shape that means it in every chart.
  const RELATIONS = [
    ["first", "first report", "circle"],
    ["agree", "agrees with earlier", "square"],
    ["update", "updates earlier", "triangle-up"],
    ["conflict", "conflicts", "cross"],
    ["variant", "differs in wording", "diamond"],
  ];
  const KINDS = [
    ["article", "article published", "square"],
    ["event", "event", "circle"],
    ["figure", "figure", "triangle-up"],
    ["quote", "quote", "diamond"],
  ];
  const BOUNDS = [["at least", [4, 3]], ["range", [1, 0]]];

  function narrow() { return window.innerWidth < 640; }

  function base(description, height) {
    const legend = narrow()
      ? { orient: "bottom", direction: "vertical", labelLimit: 120, titleLimit: 120 }
      : { orient: "right", labelLimit: 220, titleLimit: 220 };
    return {
      $schema: SCHEMA,
      description: description,
      width: "container",
      height: height,
      autosize: { type: "fit-x", contains: "padding" },
      config: { legend: legend, axis: { labelLimit: 160 }, view: { stroke: null } },
    };
  }

  function outletColor(outlets) {
    return {
      field: "outlet", type: "nominal", title: "outlet",
      scale: { domain: outlets, range: outlets.map((_, i) => PALETTE[i % PALETTE.length]) },
    };
  }

  function named(pairs) { return { domain: pairs.map((p) => p[1]), range: pairs.map((p) => p[2]) }; }
  function label(pairs, key) { const hit = pairs.find((p) => p[0] === key); return hit ? hit[1] : String(key); }

  // A date axis that always shows the year, at a grain the span of the dates asks for.
  function dateAxis(dates, title) {
    const times = dates.filter(Boolean).map((d) => Date.parse(d)).filter((t) => !Number.isNaN(t));
    const days = times.length ? (Math.max(...times) - Math.min(...times)) / 864e5 : 0;
    const format = days > 3 * 365 ? "%Y" : days > 90 ? "%b %Y" : "%-d %b %Y";
    return {
      type: "temporal", title: title,
      axis: { format: format, labelOverlap: "greedy", labelAngle: 0, tickCount: narrow() ? 4 : 8 },
      // points at the first and last date are drawn whole, not cut by the plot's edge
      scale: { padding: 14 },
    };
  }

  function dated(value) { return typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value); }

  /** Articles by outlet and date: one bar per day, stacked by outlet. */
  function coverage(articles, outlets) {
    const values = articles.filter((a) => dated(a.published)).map((a) => ({ date: a.published, outlet: a.outlet, title: a.title }));
    const spec = base("Articles by outlet and date", 180);
    spec.data = { values: values };
    spec.mark = { type: "bar", tooltip: true, width: { band: 0.9 } };
    spec.encoding = {
      x: Object.assign({ field: "date", timeUnit: "yearmonthdate", bandPosition: 0 }, dateAxis(values.map((v) => v.date), "published")),
      y: { aggregate: "count", type: "quantitative", title: "articles", axis: { tickMinStep: 1, format: "d" } },
      color: outletColor(outlets),
      tooltip: [{ field: "date", type: "temporal", title: "published", format: "%-d %b %Y" }, { field: "outlet" }, { aggregate: "count", title: "articles" }],
    };
    return { spec: spec, drawn: values.length, left: articles.length - values.length };
  }

  /** A figure series: its values over publication dates as a line, each report a point (shape:
      its relation to the first), its ranges and open-ended bounds as rules (dashed when open). */
  function trend(series, outlets) {
    const points = series.rows.filter((r) => dated(r.date) && r.value !== null && r.value !== undefined)
      .map((r) => Object.assign({}, r, { relation_words: label(RELATIONS, r.relation), bound_words: boundWords(r) }));
    const top = Math.max(0, ...points.map((p) => p.value), ...points.map((p) => p.high || 0)) * 1.1;
    const bounds = series.rows.filter((r) => dated(r.date) && r.low !== null && r.low !== undefined && r.high !== r.low)
      .map((r) => Object.assign({}, r, { high: r.high === null || r.high === undefined ? top : r.high,
        bound: r.high === null || r.high === undefined ? BOUNDS[0][0] : BOUNDS[1][0], bound_words: boundWords(r) }));
    const x = Object.assign({ field: "date" }, dateAxis(series.rows.map((r) => r.date), "published"));
    // the axis spans the values reported (not from zero), so a change between reports shows
    const y = { type: "quantitative", title: "reported value", scale: { nice: true, zero: false } };
    const tooltip = [{ field: "text", title: "as written" }, { field: "bound_words", title: "value" },
      { field: "outlet" }, { field: "date", type: "temporal", title: "published", format: "%-d %b %Y" }, { field: "relation_words", title: "relation" }];
    const spec = base("Figure series: " + series.topic, 170);
    // a layer with no data would warn of an infinite extent: only layers with rows are drawn
    spec.layer = [
      points.length > 1 && { data: { values: points }, mark: { type: "line", color: "#8a94a6", strokeWidth: 1.5, clip: false },
        encoding: { x: x, y: Object.assign({ field: "value" }, y) } },
      bounds.length && { data: { values: bounds }, mark: { type: "rule", strokeWidth: 3, opacity: 0.6, clip: false },
        encoding: { x: x, y: Object.assign({ field: "low" }, y), y2: { field: "high" }, color: outletColor(outlets),
          strokeDash: { field: "bound", type: "nominal", title: "bound", scale: { domain: BOUNDS.map((b) => b[0]), range: BOUNDS.map((b) => b[1]) } },
          tooltip: tooltip } },
      points.length && { data: { values: points }, mark: { type: "point", filled: true, size: 90, opacity: 1, clip: false },
        encoding: { x: x, y: Object.assign({ field: "value" }, y), color: outletColor(outlets),
          shape: { field: "relation_words", type: "nominal", title: "report", scale: named(RELATIONS) }, tooltip: tooltip } },
    ].filter(Boolean);
    spec.resolve = { scale: { y: "shared" } };
    return { spec: spec, drawn: points.length + bounds.length };
  }

  /** What a figure says, in words: "14", "at least 12", "between 10 and 20". */
  function boundWords(row) {
    const num = (v) => (typeof v === "number" ? v.toLocaleString("en-US") : String(v));
    const hasLow = row.low !== null && row.low !== undefined;
    const hasHigh = row.high !== null && row.high !== undefined;
    if (hasLow && !hasHigh) return "at least " + num(row.low);
    if (!hasLow && hasHigh && row.value === null) return "at most " + num(row.high);
    if (hasLow && hasHigh && row.low !== row.high) return "between " + num(row.low) + " and " + num(row.high);
    return row.value === null || row.value === undefined ? "" : num(row.value);
  }

  /** Articles, events, figures and quotes over time, one row per outlet. */
  function timeline(articles, items, outlets) {
    const values = [
      ...articles.filter((a) => dated(a.published)).map((a) => ({ date: a.published, outlet: a.outlet, kind: "article", summary: a.title })),
      ...items.filter((t) => dated(t.date)).map((t) => ({ date: t.date, outlet: t.outlet, kind: t.kind, summary: t.summary })),
    ].map((v) => Object.assign(v, { kind_words: label(KINDS, v.kind) }));
    const rows = outlets.filter((o) => values.some((v) => v.outlet === o));
    const spec = base("Articles, events, figures and quotes over time, per outlet", Math.max(90, 34 * rows.length));
    spec.data = { values: values };
    spec.mark = { type: "point", filled: true, size: 70, opacity: 0.75, clip: false };
    spec.encoding = {
      x: Object.assign({ field: "date" }, dateAxis(values.map((v) => v.date), "date")),
      y: { field: "outlet", type: "nominal", title: null, sort: rows, axis: { labelLimit: narrow() ? 110 : 200 } },
      yOffset: { field: "kind_words", type: "nominal", sort: KINDS.map((k) => k[1]) },
      color: { field: "kind_words", type: "nominal", title: "what", scale: { domain: KINDS.map((k) => k[1]), range: ["#1d2430", "#59a14f", "#e15759", "#4e79a7"] } },
      shape: { field: "kind_words", type: "nominal", title: "what", scale: named(KINDS) },
      tooltip: [{ field: "kind_words", title: "what" }, { field: "date", type: "temporal", format: "%-d %b %Y" }, { field: "outlet" }, { field: "summary" }],
    };
    return { spec: spec, drawn: values.length };
  }

  window.StoryCharts = { coverage: coverage, trend: trend, timeline: timeline, boundWords: boundWords, RELATIONS: RELATIONS };
})();
