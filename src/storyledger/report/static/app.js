/* storyledger report and web UI: renders the views from the embedded JSON.
   Every string from an article is set as text (textContent, createTextNode), never as HTML. */
(function () {
  "use strict";
  let ALL = JSON.parse(document.getElementById("storyledger-data").textContent);
  let DATA = ALL;
  const SERVED = document.body.dataset.served === "true";
  const main = document.getElementById("main");
  const TITLE = document.title;
  let articles = new Map(DATA.articles.map((a) => [a.id, a]));

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "on") { for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn); }
      else if (key === "href") { node.setAttribute("href", safeHref(value)); }
      else { node.setAttribute(key, String(value)); }
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function safeHref(value) {
    const text = String(value);
    if (text.startsWith("#")) return text;
    return /^https?:\/\//i.test(text) ? text : "#";
  }

  function cell(value) {
    if (value === null || value === undefined) return "";
    if (Array.isArray(value)) return value.join("; ");
    if (typeof value === "object") return JSON.stringify(value);
    return String(value);
  }

  function csvCell(value) {
    let text = cell(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function download(name, rows, columns, format) {
    let body, type;
    if (format === "csv") {
      body = [columns.join(","), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(","))].join("\n");
      type = "text/csv";
    } else {
      body = JSON.stringify(rows, null, 1);
      type = "application/json";
    }
    const link = el("a", { download: name + "." + format });
    link.href = URL.createObjectURL(new Blob([body], { type: type + ";charset=utf-8" }));
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  function spanLink(row, label) {
    if (!row.article) return "";
    return el("a", {
      href: "#article=" + encodeURIComponent(row.article) + "&span=" + row.start + "-" + row.end,
      class: "span-link", "data-article": row.article, "data-start": row.start, "data-end": row.end,
    }, label || "open");
  }

  const PAGE_ROWS = 100;
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function table(rows, columns, options) {
    const opts = options || {};
    const name = (c) => (opts.labels && opts.labels[c]) || c.replace(/_/g, " ");
    const head = el("tr", {}, columns.map((c) => el("th", { scope: "col" }, name(c))), opts.links ? el("th", { scope: "col" }, "text") : null);
    const tbody = el("tbody", {});
    const wrap = el("div", { class: "table-wrap" }, el("table", { class: opts.className || null }, el("thead", {}, head), tbody));
    let shown = 0;
    const more = el("button", { type: "button", class: "more" });
    function grow() {
      const next = rows.slice(shown, shown + PAGE_ROWS);
      // data-label names the column on a phone, where each row is shown as a card
      tbody.append(...next.map((row) => el("tr", {}, columns.map((c) => el("td", { "data-label": name(c) }, cell(row[c]))), opts.links ? el("td", { "data-label": "text" }, spanLink(row)) : null)));
      shown += next.length;
      more.textContent = "show " + Math.min(PAGE_ROWS, rows.length - shown) + " more of " + (rows.length - shown);
      if (shown >= rows.length) more.remove();
    }
    more.addEventListener("click", grow);
    wrap.appendChild(more);
    grow();
    return wrap;
  }

  function card(title, name, rows, columns, content) {
    const buttons = rows ? el("span", { class: "downloads" },
      el("button", { type: "button", class: "dl", "data-format": "csv", on: { click: () => download(name, rows, columns, "csv") } }, "CSV"),
      el("button", { type: "button", class: "dl", "data-format": "json", on: { click: () => download(name, rows, columns, "json") } }, "JSON")) : null;
    return el("section", { class: "card", "data-card": name }, el("header", {}, el("h2", {}, title), buttons), content);
  }

  // Charts are drawn when they scroll into view, so a story with many figure series stays quick.
  const drawWhenSeen = "IntersectionObserver" in window ? new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      drawWhenSeen.unobserve(entry.target);
      draw(entry.target);
    }
  }, { rootMargin: "200px" }) : null;

  // A chart's state is on its holder for anyone to read: data-drawn is "pending", then "done"
  // (with data-marks, the data points it was given) or "failed".
  function draw(holder) {
    if (!window.vegaEmbed || holder.dataset.drawn) return;
    holder.dataset.drawn = "pending";
    window.vegaEmbed(holder, holder._spec, { actions: false, renderer: "svg" })
      .then(() => { holder.dataset.drawn = "done"; })
      .catch(() => { holder.dataset.drawn = "failed"; holder.appendChild(el("p", {}, "chart unavailable")); });
  }

  function chart(built, label) {
    const holder = el("div", { class: "chart", role: "img", "aria-label": label, "data-marks": built.drawn });
    holder._spec = built.spec;
    if (!built.drawn) return el("p", { class: "count" }, "Nothing to draw: no " + label + " has a date.");
    if (drawWhenSeen) drawWhenSeen.observe(holder); else draw(holder);
    return holder;
  }

  // Outlets by how many articles they have, most first: the order of colours and columns.
  function outletsByArticles() {
    const counts = new Map();
    for (const a of DATA.articles) counts.set(a.outlet, (counts.get(a.outlet) || 0) + 1);
    return [...counts.entries()].sort((x, y) => y[1] - x[1] || String(x[0]).localeCompare(String(y[0]))).map((e) => e[0]);
  }

  function filtered(rows, filters) {
    return rows.filter((row) => Object.entries(filters).every(([key, want]) => want === "" || String(row[key]) === want));
  }

  function select(label, name, values, current, onChange) {
    return el("label", {}, label + " ",
      el("select", { name: name, on: { change: (e) => onChange(e.target.value) } },
        el("option", { value: "" }, "all"),
        values.map((v) => [].concat(v)).map(([v, words]) => el("option", { value: v, selected: v === current ? "selected" : null }, words || v))));
  }

  function coverageCard() {
    const drawn = window.StoryCharts.coverage(DATA.articles, outletsByArticles());
    const cols = ["outlet", "date", "articles"];
    const note = drawn.left ? el("p", { class: "count" }, drawn.left + " undated " + (drawn.left === 1 ? "article is" : "articles are") + " counted in the table, not drawn.") : null;
    return card("Articles by outlet and date", "coverage", DATA.coverage.rows, cols,
      [chart(drawn, "articles by outlet and date"), note, table(DATA.coverage.rows, cols)]);
  }

  // The outlet measures, named in words.
  const PROFILE = [
    ["articles", "articles"],
    ["words", "words"],
    ["attributed_share", "share of sentences with a source", "share"],
    ["anonymous_share", "share of sources not named", "share"],
    ["named_sources", "named sources"],
    ["anonymous_sources", "unnamed sources"],
    ["cited_sources", "sources listed at the end"],
    ["loaded_per_1000", "loaded words per 1,000 words (outlet's own voice)"],
    ["loaded_outside", "loaded words in the outlet's own voice"],
    ["loaded_in_quotes", "loaded words inside quotes"],
    ["hedges_per_1000", "hedges per 1,000 words (may, reportedly)"],
    ["boosters_per_1000", "boosters per 1,000 words (clearly, undoubtedly)"],
    ["unattributed_evaluations", "judgements with no source"],
    ["questions", "questions asked"],
    ["top_terms", "most frequent loaded words"],
    ["lean", "lean (your outlets file)"],
    ["ownership", "ownership (your outlets file)"],
  ];
  const PROFILE_LABELS = Object.fromEntries(PROFILE.map((m) => [m[0], m[1]]));

  function measure(value, kind) {
    if (value === null || value === undefined || value === "") return "";
    if (kind === "share" && typeof value === "number") return Math.round(value * 100) + "%";
    if (typeof value === "number" && !Number.isInteger(value)) return value.toFixed(1);
    return cell(value);
  }

  // Ground News style: one column per outlet, one row per thing a reader compares.
  function sideBySide(chosen) {
    const of = (n) => DATA.articles.filter((a) => a.outlet === n);
    const rows = [];
    const add = (label, valueOf) => rows.push(Object.assign({ measure: label }, ...chosen.map((n) => ({ [n]: valueOf(n) }))));
    add("headline", (n) => of(n).map((a) => a.title).join(" | "));
    add("published", (n) => [...new Set(of(n).map((a) => a.published).filter(Boolean))].sort().join(", "));
    for (const t of DATA.trends) {
      add("figure: " + t.topic, (n) => t.rows.filter((r) => r.outlet === n)
        .map((r) => window.StoryCharts.boundWords(r) + (r.reported_by && r.reported_by !== n ? " (per " + r.reported_by + ")" : "")).join("; "));
    }
    add("sources quoted", (n) => {
      const counts = new Map();
      DATA.quotes.filter((q) => q.outlet === n && q.speaker).forEach((q) => counts.set(q.speaker, (counts.get(q.speaker) || 0) + 1));
      return [...counts.entries()].sort((x, y) => y[1] - x[1]).slice(0, 8).map((e) => e[0] + (e[1] > 1 ? " ×" + e[1] : "")).join("; ");
    });
    for (const c of DATA.comparisons.filter((x) => x.kind === "claim")) {
      add("claim: " + c.topic, (n) => c.items.filter((i) => i.outlet === n).map((i) => i.value).join("; "));
    }
    for (const [key, label, kind] of PROFILE) {
      const values = chosen.map((n) => (DATA.outlets.find((o) => o.outlet === n) || {})[key]);
      if (values.every((v) => v === null || v === undefined || (Array.isArray(v) && !v.length))) continue;
      add(label, (n) => measure((DATA.outlets.find((o) => o.outlet === n) || {})[key], kind));
    }
    return rows;
  }

  const VIEWS = {
    overview() {
      const meta = DATA.meta;
      const summary = el("p", { class: "summary" },
        `${plural(meta.articles, "article")} from ${plural(meta.outlets, "outlet")}, ${meta.first || "?"} to ${meta.last || "?"}.`);
      const keyFigures = DATA.comparisons.filter((c) => c.kind === "figure").map((c) => ({
        topic: c.topic, relation: c.relation,
        from: c.items[0].value + " (" + cell(c.items[0].reported_by || c.items[0].outlet) + ", " + cell(c.items[0].published) + ")",
        to: c.items[1].value + " (" + cell(c.items[1].reported_by || c.items[1].outlet) + ", " + cell(c.items[1].published) + ")",
        note: c.note,
      }));
      return [
        summary,
        card("Stories", "stories", DATA.stories, ["name", "articles", "copies", "first", "last"], table(DATA.stories, ["name", "articles", "copies", "first", "last"])),
        coverageCard(),
        card("Key figures across articles", "key_figures", keyFigures, ["topic", "relation", "from", "to", "note"], table(keyFigures, ["topic", "relation", "from", "to", "note"])),
        card("Most-quoted speakers", "speakers", DATA.speakers, ["speaker", "anonymous", "quotes"], table(DATA.speakers, ["speaker", "anonymous", "quotes"])),
      ];
    },
    timeline() {
      const cols = ["date", "basis", "kind", "summary", "outlet"];
      const drawn = window.StoryCharts.timeline(DATA.articles, DATA.timeline, outletsByArticles());
      return [card("Timeline: articles, events, figures and quotes", "timeline", DATA.timeline, cols,
        [chart(drawn, "articles, events, figures and quotes over time"), table(DATA.timeline, cols, { links: true })])];
    },
    trends(state) {
      if (!DATA.trends.length) return [el("p", {}, "No figure is reported in more than one article yet.")];
      const cols = ["date", "text", "value", "reported_by", "outlet", "relation"];
      const limit = state.limit || 12;
      const outlets = outletsByArticles();
      const cards = DATA.trends.slice(0, limit).map((t, i) => {
        const rows = t.rows.map((r) => Object.assign({}, r, { value: window.StoryCharts.boundWords(r) }));
        return card("“" + t.topic + "” as each article reported it", "trend_" + (i + 1), rows, cols,
          [chart(window.StoryCharts.trend(t, outlets), "figure series " + t.topic), table(rows, cols, { links: true })]);
      });
      if (DATA.trends.length > limit) {
        cards.push(el("button", { type: "button", class: "more", on: { click: () => show("trends", { limit: limit + 12 }) } },
          "show more figure series (" + (DATA.trends.length - limit) + " left)"));
      }
      return cards;
    },
    actors() {
      const cols = ["name", "kind", "aliases", "mentions", "quotes", "events_as_actor", "events_as_target"];
      const events = ["action", "actor", "target", "date", "negated", "mode", "outlet"];
      return [card("Actors", "actors", DATA.actors, cols, table(DATA.actors, cols)),
        card("Events", "events", DATA.events, events, table(DATA.events, events, { links: true }))];
    },
    quotes(state) {
      const filters = { speaker: state.speaker || "", anonymous: state.anonymous || "", kind: state.kind || "" };
      const rows = filtered(DATA.quotes, filters);
      const cols = ["kind", "speaker", "anonymous", "text", "outlet", "published"];
      const speakers = [...new Set(DATA.quotes.map((q) => q.speaker).filter(Boolean))].sort();
      const rerender = (key) => (value) => show("quotes", Object.assign({}, filters, { [key]: value }));
      const controls = el("div", { class: "filters" },
        select("speaker", "speaker", speakers, filters.speaker, rerender("speaker")),
        select("source", "anonymous", [["false", "named"], ["true", "anonymous"]], filters.anonymous, rerender("anonymous")),
        select("kind", "kind", ["direct", "partial", "indirect"], filters.kind, rerender("kind")));
      const variants = DATA.comparisons.filter((c) => c.kind === "quote").map((c) => ({
        relation: c.relation, first: c.items[0].value, first_by: c.items[0].reported_by + " (" + cell(c.items[0].outlet) + ")",
        later: c.items[1].value, later_by: c.items[1].reported_by + " (" + cell(c.items[1].outlet) + ")", note: c.note,
      }));
      const vcols = ["relation", "first", "first_by", "later", "later_by", "note"];
      return [card("Quotes", "quotes", rows, cols, [controls, el("p", { class: "count" }, rows.length + " quotes"), table(rows, cols, { links: true })]),
        card("The same quote across articles", "quote_variants", variants, vcols, table(variants, vcols))];
    },
    outlets(state) {
      const names = outletsByArticles().filter((n) => DATA.outlets.some((o) => o.outlet === n));
      const asked = (state.outlet || []).filter((n) => names.includes(n));
      const chosen = state.outlet ? asked : names.slice(0, 3);
      const pick = el("fieldset", { class: "filters outlet-pick" },
        el("legend", {}, "outlets side by side (the three with most articles unless you choose)"),
        names.map((n) => el("label", {}, el("input", { type: "checkbox", name: "outlet", value: n, checked: chosen.includes(n) ? "checked" : null, on: { change: () => {
          const now = [...main.querySelectorAll(".outlet-pick input:checked")].map((x) => x.value);
          show("outlets", { outlet: now });
        } } }), " " + n)));
      const aligned = sideBySide(chosen);
      const cols = ["measure", ...chosen];
      const profile = ["outlet", ...PROFILE.map((m) => m[0])];
      const said = chosen.length ? null : el("p", { class: "count" }, "Tick an outlet to see it here.");
      return [card("Outlets side by side", "outlets_aligned", aligned, cols, [pick, said, table(aligned, cols, { className: "side-by-side" })]),
        card("Outlet profiles", "outlets", DATA.outlets, profile, table(DATA.outlets.map((o) => Object.assign({}, o,
          ...PROFILE.map(([key, , kind]) => ({ [key]: measure(o[key], kind) })))), profile, { labels: PROFILE_LABELS }))];
    },
    articles() {
      const cols = ["published", "outlet", "title", "words"];
      const rows = DATA.articles.map((a) => Object.assign({}, a, { start: 0, end: 0, article: a.id }));
      const list = el("ul", { class: "article-list" }, DATA.articles.map((a) => el("li", {},
        el("a", { href: "#article=" + encodeURIComponent(a.id) }, a.title), " — " + sourceLine(a))));
      return [card("Articles", "articles", rows, cols, [list])];
    },
  };

  // Offsets in the data count code points (Python's str), JavaScript strings count UTF-16
  // units: an emoji or 𝕏 is one of the first and two of the second. So article text is cut as
  // an array of code points, never with String.slice.
  function codePoints(text) { return Array.from(text); }

  function validSpan(start, end, length) {
    return Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= length;
  }

  // Where an article comes from, in words: its outlet and date; an article without a known
  // outlet is labelled by itself in the data (title and date), so only its date is added here.
  function sourceLine(a) {
    if (a.outlet_known === false) return "outlet not known, " + (a.published || "undated");
    return a.outlet + ", " + (a.published || "undated");
  }

  function validBlocks(blocks, length) {
    let at = 0;
    const kept = [];
    for (const b of blocks || []) {
      if (!validSpan(b.start, b.end, length) || b.start < at) return [];
      kept.push(b);
      at = b.end;
    }
    return kept;
  }

  function articleView(id, start, end, matches) {
    const article = articles.get(id);
    if (!article) return [el("p", {}, "No such article.")];
    const chars = codePoints(article.text);
    const marks = [];
    const add = (rows, kind) => rows.filter((r) => r.article === id).forEach((r) => marks.push({ start: r.start, end: r.end, kind: kind, label: kind + ": " + (r.speaker || r.text || r.term || r.action || "") }));
    add(DATA.quotes, "quote"); add(DATA.figures, "figure"); add(DATA.loaded, "loaded");
    DATA.events.filter((e) => e.article === id && e.trigger_start !== null).forEach((e) => marks.push({
      start: e.trigger_start, end: e.trigger_end, kind: "event", label: "event: " + e.action + " (" + cell(e.actor) + " → " + cell(e.target) + ")" }));
    for (const [from, to] of matches || []) marks.push({ start: from, end: to, kind: "match", label: "search match" });
    if (validSpan(start, end, chars.length)) marks.push({ start: start, end: end, kind: "target", label: "selected record" });
    const shown = marks.filter((m) => validSpan(m.start, m.end, chars.length));
    const cuts = new Set([0, chars.length]);
    shown.forEach((m) => { cuts.add(m.start); cuts.add(m.end); });
    const blocks = validBlocks((DATA.blocks || {})[id], chars.length);
    blocks.forEach((b) => { cuts.add(b.start); cuts.add(b.end); });
    const points = [...cuts].sort((a, b) => a - b);
    // The text from `from` to `to`, its records marked.
    const stretch = (from, to) => {
      const nodes = [];
      for (let i = 0; i < points.length - 1; i++) {
        const a = points[i], b = points[i + 1];
        if (a < from || b > to) continue;
        const covering = shown.filter((m) => m.start <= a && b <= m.end);
        const text = chars.slice(a, b).join("");
        if (!covering.length) { nodes.push(document.createTextNode(text)); continue; }
        const classes = [...new Set(covering.map((m) => "hl-" + m.kind))].join(" ");
        nodes.push(el("mark", { class: classes, title: covering.map((m) => m.label).join(" | "), "data-start": a, "data-end": b }, text));
      }
      return nodes;
    };
    const body = el("div", { class: blocks.length ? "article-text laid-out" : "article-text", tabindex: "0" });
    let headline = null;
    if (!blocks.length) body.append(...stretch(0, chars.length));
    let at = 0, list = null;
    for (const b of blocks) {
      // what lies between blocks (blank lines, bullet markers) stays in the text, unseen
      if (b.start > at) (b.kind === "bullet" && list ? list : body).appendChild(el("span", { class: "gap" }, stretch(at, b.start)));
      const tag = { headline: "h2", subheading: "h3", bullet: "li", sources: "p" }[b.kind] || "p";
      const node = el(tag, { class: "block-" + b.kind }, stretch(b.start, b.end));
      if (b.kind === "headline" && !headline) headline = node;
      if (b.kind === "bullet") {
        if (!list) { list = el("ul", { class: "bullets" }); body.appendChild(list); }
        list.appendChild(node);
      } else { list = null; body.appendChild(node); }
      at = b.end;
    }
    if (blocks.length && at < chars.length) body.appendChild(el("span", { class: "gap" }, stretch(at, chars.length)));
    // the headline once: the text's own headline when it has one, else the title
    const opening = article.title && article.text.trimStart().startsWith(article.title);
    const head = el("header", { class: "article-head" }, headline || opening ? null : el("h2", {}, article.title),
      el("p", {}, sourceLine(article) + " ", article.url ? el("a", { href: article.url, rel: "noopener noreferrer" }, "source") : ""),
      el("p", { class: "legend" }, el("mark", { class: "hl-quote" }, "quote"), " ", el("mark", { class: "hl-figure" }, "figure"), " ", el("mark", { class: "hl-event" }, "event"), " ",
        el("mark", { class: "hl-loaded" }, "loaded term"), " ", el("mark", { class: "hl-target" }, "selected"), matches && matches.length ? [" ", el("mark", { class: "hl-match" }, "search match")] : null));
    return [el("section", { class: headline ? "card article has-headline" : "card article" }, head, body)];
  }

  // The server answers from the store as it is now, and names that state; when the store has
  // changed since this page's data was built, the page takes the new views (and asks again), so
  // every result it lists is an article it can open.
  async function serverSearch(query) {
    let rows = null;
    for (let tries = 0; tries < 3; tries++) {
      const answer = await fetch("/api/search?q=" + encodeURIComponent(query));
      if (!answer.ok) return null;
      rows = await answer.json();
      const snapshot = answer.headers.get("X-Storyledger-Snapshot");
      if (snapshot === null || snapshot === DATA.meta.snapshot) break;
      const views = await fetch("/api/views");
      if (!views.ok) break;
      ALL = await views.json();
      DATA = narrowTo(ALL, current.story);
      articles = new Map(DATA.articles.map((a) => [a.id, a]));
    }
    return rows;
  }

  // Text with some stretches marked: spans are [start, end] in code points.
  function marked(text, spans, className) {
    const chars = codePoints(text || "");
    const parts = [];
    let at = 0;
    for (const [start, end] of (spans || []).filter((s) => validSpan(s[0], s[1], chars.length)).sort((x, y) => x[0] - y[0])) {
      if (start < at) continue;
      parts.push(chars.slice(at, start).join(""), el("mark", { class: className }, chars.slice(start, end).join("")));
      at = end;
    }
    parts.push(chars.slice(at).join(""));
    return parts;
  }

  // One meaning of a query in the file and the served UI (search.js); the server answers from
  // its index with the same rule, and both give the matched spans to highlight.
  async function search(query) {
    const results = el("section", { class: "card", "data-card": "search" }, el("header", {}, el("h2", {}, "Search: " + query)));
    let rows = [];
    if (SERVED) {
      const found = await serverSearch(query);
      rows = found || [];
      if (!found) results.appendChild(el("p", { class: "error" }, "the search could not be run"));
    } else {
      rows = window.StorySearch.search(DATA.articles, query);
    }
    results.appendChild(el("ul", { class: "results" }, rows.map((r) => {
      const first = (r.spans || [])[0];
      const match = (r.spans || []).map((s) => s[0] + "-" + s[1]).join(",");
      const href = "#article=" + encodeURIComponent(r.id) + (first ? "&match=" + match + "&span=" + first[0] + "-" + first[1] : "");
      return el("li", {},
        el("a", { href: href }, r.title ? marked(r.title, r.title_spans, "hl-match") : r.id),
        el("p", { class: "snippet" }, marked(r.snippet, r.snippet_spans, "hl-match")));
    })));
    results.appendChild(el("p", { class: "count" }, rows.length + (rows.length === 1 ? " article" : " articles")));
    return [results];
  }

  // The story picker: with several stories, every view can show one story's articles only.
  // The page narrows its own data (views["story_articles"]); a page the server already built
  // for one story (ALL.story) moves to another by asking the server for it.
  function narrowTo(all, storyId) {
    const ids = storyId && all.story_articles ? all.story_articles[storyId] : null;
    if (!ids) return all;
    const keep = new Set(ids);
    const mine = (rows) => rows.filter((r) => keep.has(r.article));
    const data = Object.assign({}, all);
    data.articles = all.articles.filter((a) => keep.has(a.id));
    for (const key of ["quotes", "figures", "events", "timeline", "loaded"]) data[key] = mine(all[key] || []);
    data.comparisons = all.comparisons.filter((c) => c.story === storyId);
    data.trends = all.trends.filter((t) => t.story === storyId);
    const outlets = new Set(data.articles.map((a) => a.outlet));
    data.outlets = all.outlets.filter((o) => outlets.has(o.outlet));
    const counts = new Map();
    for (const a of data.articles) {
      const key = a.outlet + "\u0000" + (a.published || "undated");
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    data.coverage = Object.assign({}, all.coverage, { rows: [...counts.entries()].map(([key, n]) => {
      const [outlet, date] = key.split("\u0000");
      return { outlet: outlet, date: date, articles: n };
    }).sort((x, y) => x.date.localeCompare(y.date) || x.outlet.localeCompare(y.outlet)) });
    const said = new Map();
    for (const q of data.quotes.filter((q) => q.speaker)) {
      const key = JSON.stringify([q.speaker, q.anonymous]);
      said.set(key, (said.get(key) || 0) + 1);
    }
    data.speakers = [...said.entries()].sort((x, y) => y[1] - x[1]).slice(0, 15).map(([key, n]) => {
      const [speaker, anonymous] = JSON.parse(key);
      return { speaker: speaker, anonymous: anonymous, quotes: n };
    });
    const dates = data.articles.map((a) => a.published).filter(Boolean).sort();
    data.meta = Object.assign({}, all.meta, { articles: data.articles.length, outlets: outlets.size, first: dates[0] || null, last: dates[dates.length - 1] || null });
    return data;
  }

  function storyPicker() {
    const stories = ALL.stories || [];
    if (stories.length < 2) return null;
    const chosen = ALL.story ? ALL.story.id : current.story || "";
    const choose = (id) => {
      if (ALL.story || (SERVED && id && !ALL.story_articles)) { location.href = "/" + (id ? "?story=" + encodeURIComponent(id) : ""); return; }
      current.story = id || null;
      DATA = narrowTo(ALL, current.story);
      articles = new Map(DATA.articles.map((a) => [a.id, a]));
      show(current.view, current.state);
    };
    return el("label", { class: "story-pick" }, "story ",
      el("select", { name: "story", on: { change: (e) => choose(e.target.value) } },
        el("option", { value: "" }, "all " + stories.length + " stories"),
        stories.map((s) => el("option", { value: s.id, selected: s.id === chosen ? "selected" : null },
          s.name + " (" + s.articles + (s.articles === 1 ? " article)" : " articles)")))));
  }

  // A view and its filters live in the URL (#view=quotes&speaker=Hale, #view=outlets&outlet=A&outlet=B),
  // so a view can be shared and a reload restores it.
  function stateHash(view, state) {
    const params = new URLSearchParams();
    params.set("view", view);
    for (const [key, value] of Object.entries(state)) {
      for (const one of [].concat(value)) if (one !== "" && one !== null && one !== undefined) params.append(key, String(one));
      if (Array.isArray(value) && !value.length) params.append(key, "");
    }
    return "#" + params.toString();
  }

  function stateOf(params) {
    const state = {};
    for (const key of new Set(params.keys())) {
      if (key === "view" || key === "story") continue;
      state[key] = LISTS.has(key) ? params.getAll(key).filter(Boolean) : params.get(key);
    }
    if (state.limit) state.limit = Number(state.limit) || 12;
    return state;
  }
  const LISTS = new Set(["outlet"]);

  let current = { view: "overview", state: {}, story: null };
  function show(view, state) {
    current = { view: view, state: state || {}, story: current.story };
    const hash = stateHash(view, Object.assign(current.story ? { story: current.story } : {}, current.state));
    if (location.hash !== hash) history.replaceState(null, "", hash);
    main.replaceChildren(...[storyPicker(), ...VIEWS[view](current.state)].filter(Boolean));
    const story = (ALL.stories || []).find((s) => s.id === current.story);
    document.title = story ? story.name : TITLE;
    document.querySelector(".top h1").textContent = document.title;
    document.querySelectorAll("nav button").forEach((b) => b.setAttribute("aria-current", b.dataset.view === view ? "page" : "false"));
  }

  function route() {
    const params = new URLSearchParams(location.hash.slice(1));
    if (params.has("article")) {
      const span = (params.get("span") || "").split("-").map(Number);
      const matches = (params.get("match") || "").split(",").filter(Boolean).map((m) => m.split("-").map(Number));
      main.replaceChildren(...articleView(params.get("article"), span.length === 2 ? span[0] : null, span.length === 2 ? span[1] : null, matches));
      const target = main.querySelector(".article-text .hl-target");
      if (target) { target.setAttribute("tabindex", "-1"); target.scrollIntoView({ block: "center" }); target.focus(); }
      return;
    }
    const view = params.get("view") && VIEWS[params.get("view")] ? params.get("view") : "overview";
    const story = params.get("story");
    if ((story || null) !== current.story && !ALL.story) {
      current.story = story && ALL.story_articles && ALL.story_articles[story] ? story : null;
      DATA = narrowTo(ALL, current.story);
      articles = new Map(DATA.articles.map((a) => [a.id, a]));
    }
    // a search is in the URL too (#q=...), so its results can be shared and come back on reload
    if (params.has("q")) {
      const query = params.get("q");
      document.getElementById("search-input").value = query;
      search(query).then((nodes) => main.replaceChildren(...nodes));
      return;
    }
    show(view, stateOf(params));
  }

  document.querySelectorAll("nav button").forEach((b) => b.addEventListener("click", () => {
    location.hash = stateHash(b.dataset.view, current.story ? { story: current.story } : {});
  }));
  document.getElementById("search-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const query = document.getElementById("search-input").value.trim();
    if (!query) return;
    const hash = "#" + new URLSearchParams(Object.assign(current.story ? { story: current.story } : {}, { q: query })).toString();
    if (location.hash === hash) route(); else location.hash = hash;
  });
  window.addEventListener("hashchange", route);
  route();
  document.body.dataset.ready = "true";
})();
