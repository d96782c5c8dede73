/* storyledger search in the report file: the same meaning as the served UI and the CLI.
   A query is terms AND'ed; a term is a "double-quoted phrase" or a word between spaces. A term
   is cut into tokens as the store's index (SQLite FTS5, `porter unicode61`) cuts text: runs of
   letters and digits, case and accents folded, so punctuation inside a word only separates
   tokens (`Hale's` is `hale s`, `U.N.` is `u n`, `5,000` is `5 000`, `clean-up` is `clean up`).
   A term matches where its tokens stand next to each other in the title or the text, each token
   matching a word of the same Porter stem; a word ending in `*` matches words starting so.
   Offsets count code points, as the article's stored offsets do. */
(function () {
  "use strict";
  // letters, digits and combining marks (folded away after): what FTS5's unicode61 keeps
  const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;
  const TERM = /"([^"]*)"?|(\S+)/g;

  function fold(text) { return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase(); }

  /** The query's terms: {tokens, prefix}; a query without a letter or digit has none. */
  function terms(query) {
    const found = [];
    for (const m of String(query).matchAll(TERM)) {
      const phrase = m[1] !== undefined ? m[1] : m[2];
      const tokens = (phrase.match(TOKEN) || []).map((t) => stem(fold(t))).filter(Boolean);
      if (!tokens.length) continue;
      const prefix = m[2] !== undefined && m[2].endsWith("*");
      found.push({ tokens: tokens, prefix: prefix });
    }
    return found;
  }

  /** Tokens of a text with code-point offsets and their stems. */
  function tokens(text) {
    const out = [];
    let units = 0, points = 0;
    for (const m of text.matchAll(TOKEN)) {
      points += Array.from(text.slice(units, m.index)).length;
      const length = Array.from(m[0]).length;
      const folded = fold(m[0]);
      if (folded) out.push({ start: points, end: points + length, stem: stem(folded) });
      points += length;
      units = m.index + m[0].length;
    }
    return out;
  }

  /** `tokens(text)`, cut and stemmed once per text: a query reads the cached tokens (the
      arrays are shared, never changed), so only the query's own words are stemmed again. */
  const TOKENISED = new Map();
  function tokenised(text) {
    let words = TOKENISED.get(text);
    if (words === undefined) {
      words = tokens(text);
      TOKENISED.set(text, words);
    }
    return words;
  }

  /** Where a term matches in tokenised text: a list of [start, end] code-point spans. */
  function spans(words, term) {
    const found = [];
    const n = term.tokens.length;
    for (let i = 0; i + n <= words.length; i++) {
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const want = term.tokens[k];
        const last = k === n - 1 && term.prefix;
        ok = last ? words[i + k].stem.startsWith(want) : words[i + k].stem === want;
      }
      if (ok) found.push([words[i].start, words[i + n - 1].end]);
    }
    return found;
  }

  /** Articles matching `query`, each with the spans of its matches in its text and title. */
  function search(articles, query) {
    const wanted = terms(query);
    if (!wanted.length) return [];
    const rows = [];
    for (const a of articles) {
      const text = tokenised(a.text || ""), title = tokenised(a.title || "");
      const inText = wanted.map((t) => spans(text, t));
      const inTitle = wanted.map((t) => spans(title, t));
      if (!wanted.every((_, i) => inText[i].length || inTitle[i].length)) continue;
      const all = inText.flat().sort((x, y) => x[0] - y[0]);
      rows.push(Object.assign({ id: a.id, title: a.title, outlet: a.outlet, published: a.published,
        spans: all, title_spans: inTitle.flat().sort((x, y) => x[0] - y[0]) }, snippet(a.text || "", all)));
    }
    return rows;
  }

  /** Some words around the first match, and the matches inside them. */
  function snippet(text, found) {
    const chars = Array.from(text);
    if (!found.length) return { snippet: chars.slice(0, 120).join(""), snippet_spans: [] };
    const from = Math.max(0, found[0][0] - 60), to = Math.min(chars.length, found[0][1] + 80);
    const inside = found.filter((s) => s[0] >= from && s[1] <= to).map((s) => [s[0] - from + (from ? 1 : 0), s[1] - from + (from ? 1 : 0)]);
    return { snippet: (from ? "…" : "") + chars.slice(from, to).join("") + (to < chars.length ? "…" : ""), snippet_spans: inside };
  }

  // Martin Porter's stemmer (1980) as SQLite's FTS5 `porter` tokenizer applies it, after his
  // own reference implementation (tartarus.org/martin/PorterStemmer). Like FTS5, it counts a
  // word's length in UTF-8 bytes (under 3 or over 64: left as it is) and takes any character
  // but a vowel as a consonant, digits included ("777s" is "777").
  const STEP2 = { ational: "ate", tional: "tion", enci: "ence", anci: "ance", izer: "ize", bli: "ble", alli: "al",
    entli: "ent", eli: "e", ousli: "ous", ization: "ize", ation: "ate", ator: "ate", alism: "al", iveness: "ive",
    fulness: "ful", ousness: "ous", aliti: "al", iviti: "ive", biliti: "ble", logi: "log" };
  const STEP3 = { icate: "ic", ative: "", alize: "al", iciti: "ic", ical: "ic", ful: "", ness: "" };
  const c = "[^aeiou]", v = "[aeiouy]", C = c + "[^aeiouy]*", V = v + "[aeiou]*";
  const MGR0 = new RegExp("^(" + C + ")?" + V + C);
  const MEQ1 = new RegExp("^(" + C + ")?" + V + C + "(" + V + ")?$");
  const MGR1 = new RegExp("^(" + C + ")?" + V + C + V + C);
  const SV = new RegExp("^(" + C + ")?" + v);
  const CVC = new RegExp("^" + C + v + "[^aeiouwxy]$");

  const UTF8 = new TextEncoder();

  function stem(word) {
    const bytes = UTF8.encode(word).length;
    if (bytes < 3 || bytes > 64) return word;
    let w = word, fp;
    const y = w[0] === "y";
    if (y) w = "Y" + w.slice(1);
    if (/^(.+?)(ss|i)es$/.test(w)) w = w.replace(/^(.+?)(ss|i)es$/, "$1$2");
    else if (/^(.+?)([^s])s$/.test(w)) w = w.replace(/^(.+?)([^s])s$/, "$1$2");
    if ((fp = /^(.+?)eed$/.exec(w))) {
      if (MGR0.test(fp[1])) w = w.slice(0, -1);
    } else if ((fp = /^(.+?)(ed|ing)$/.exec(w)) && SV.test(fp[1])) {
      w = fp[1];
      if (/(at|bl|iz)$/.test(w)) w += "e";
      else if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
      else if (CVC.test(w)) w += "e";
    }
    if ((fp = /^(.+?)y$/.exec(w)) && SV.test(fp[1])) w = fp[1] + "i";
    if ((fp = /^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$/.exec(w)) && MGR0.test(fp[1])) {
      w = fp[1] + STEP2[fp[2]];
    }
    if ((fp = /^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$/.exec(w)) && MGR0.test(fp[1])) w = fp[1] + STEP3[fp[2]];
    if ((fp = /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/.exec(w))) {
      if (MGR1.test(fp[1])) w = fp[1];
    } else if ((fp = /^(.+?)(s|t)(ion)$/.exec(w)) && MGR1.test(fp[1] + fp[2])) {
      w = fp[1] + fp[2];
    }
    if ((fp = /^(.+?)e$/.exec(w)) && (MGR1.test(fp[1]) || (MEQ1.test(fp[1]) && !CVC.test(fp[1])))) w = fp[1];
    if (/ll$/.test(w) && MGR1.test(w)) w = w.slice(0, -1);
    if (y) w = "y" + w.slice(1);
    return w;
  }

  window.StorySearch = { search: search, terms: terms, tokens: tokens, tokenised: tokenised, stem: stem };
})();
