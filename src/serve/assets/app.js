// newsdex search page. Every piece of article data (titles, bodies, names,
// quotes, paths) is hostile: it enters the page only through textContent or
// createTextNode, never as markup, and the server's CSP forbids inline script.
"use strict";

const KINDS = ["person", "organization", "place"];
const PAGE = 10;
const $ = (id) => document.getElementById(id);

// The whole view, mirrored in the URL: a link reproduces it.
const state = {
  q: "", sort: "relevance", from: "", to: "", entity: [], speaker: "", source: "",
  view: "articles", offset: 0, article: "",
};

function readUrl() {
  const params = new URLSearchParams(location.search);
  state.q = params.get("q") || "";
  state.sort = params.get("sort") || "relevance";
  state.from = params.get("from") || "";
  state.to = params.get("to") || "";
  state.entity = params.getAll("entity");
  state.speaker = params.get("speaker") || "";
  state.source = params.get("source") || "";
  state.view = params.get("view") === "quotes" ? "quotes" : "articles";
  state.offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
  state.article = params.get("article") || "";
}

function urlParams(extra) {
  const params = new URLSearchParams();
  const add = (name, value) => { if (value) params.append(name, value); };
  add("q", state.q);
  if (state.sort !== "relevance") add("sort", state.sort);
  add("from", state.from);
  add("to", state.to);
  state.entity.forEach((name) => add("entity", name));
  add("speaker", state.speaker);
  add("source", state.source);
  for (const [name, value] of Object.entries(extra || {})) add(name, String(value));
  return params;
}

function writeUrl(push) {
  const extra = {};
  if (state.view === "quotes") extra.view = "quotes";
  if (state.offset) extra.offset = state.offset;
  if (state.article) extra.article = state.article;
  const query = urlParams(extra).toString();
  const url = location.pathname + (query ? "?" + query : "");
  if (url === location.pathname + location.search) return;
  if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
}

// Requests: a newer refresh aborts the older one, so answers never arrive out of order.
let inflight = null;

async function api(path, params, signal) {
  const response = await fetch("/api/" + path + "?" + params.toString(), { signal });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function showError(error) {
  if (error && error.name === "AbortError") return;
  const box = $("error");
  box.textContent = error ? String(error.message || error) : "";
  box.hidden = !error;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

// Byte ranges (UTF-8, from the server) to DOM nodes: plain text and <mark>s.
function highlighted(text, ranges) {
  const fragment = document.createDocumentFragment();
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  let written = 0;
  for (const [start, end] of ranges || []) {
    if (start < written || end > bytes.length || start >= end) continue;
    fragment.append(document.createTextNode(decoder.decode(bytes.slice(written, start))));
    fragment.append(el("mark", null, decoder.decode(bytes.slice(start, end))));
    written = end;
  }
  fragment.append(document.createTextNode(decoder.decode(bytes.slice(written))));
  return fragment;
}

function entityChip(entity, onPick) {
  const chip = el("button", "chip chip-" + entity.kind, entity.name);
  chip.type = "button";
  chip.title = "Only articles naming " + entity.name;
  chip.addEventListener("click", (event) => { event.stopPropagation(); onPick(entity.name); });
  return chip;
}

function addEntityFilter(name) {
  if (!state.entity.includes(name)) state.entity.push(name);
  state.offset = 0;
  refresh(true);
}

function renderFilters() {
  const box = $("filters");
  box.replaceChildren();
  const chip = (label, remove) => {
    const button = el("button", "filter", label + " ×");
    button.type = "button";
    button.title = "Remove this filter";
    button.addEventListener("click", () => { remove(); state.offset = 0; refresh(true); });
    box.append(button);
  };
  if (state.from || state.to) {
    chip((state.from || "…") + " to " + (state.to || "…"), () => { state.from = ""; state.to = ""; });
  }
  state.entity.forEach((name) => chip("entity: " + name, () => {
    state.entity = state.entity.filter((other) => other !== name);
  }));
  if (state.speaker) chip("speaker: " + state.speaker, () => { state.speaker = ""; $("speaker").value = ""; });
  if (state.source) chip("source: " + state.source, () => { state.source = ""; });
}

let selected = -1;

function renderHits(answer) {
  const list = $("hits");
  list.replaceChildren();
  selected = -1;
  const total = answer.total;
  const shown = answer.hits.length;
  let summary = total === 1 ? "1 article matches" : total + " articles match";
  if (answer.partial) summary += "; " + answer.partial + " more contain some of the words";
  if (shown) summary += " · " + (state.offset + 1) + "–" + (state.offset + shown);
  $("summary").textContent = summary;
  answer.hits.forEach((hit, rank) => {
    const item = el("li", "hit");
    item.tabIndex = -1;
    item.dataset.rank = String(rank);
    const title = el("a", "title", hit.title || "(no title)");
    title.href = "?" + urlParams({ article: hit.path }).toString();
    title.addEventListener("click", (event) => { event.preventDefault(); openArticle(hit.path); });
    const meta = el("div", "meta");
    meta.append(el("span", "date", hit.date ? hit.date.slice(0, 10) : "no date"));
    if (hit.source) meta.append(el("span", "source", hit.source));
    if (hit.copies > 1) meta.append(el("span", "copies", hit.copies + " copies"));
    meta.append(el("span", "path", hit.path));
    item.append(title, meta);
    if (hit.snippet) {
      const snippet = el("p", "snippet");
      snippet.append(highlighted(hit.snippet, hit.highlights));
      item.append(snippet);
    }
    const chips = el("div", "chips");
    hit.entities.filter((entity) => KINDS.includes(entity.kind)).slice(0, 8)
      .forEach((entity) => chips.append(entityChip(entity, addEntityFilter)));
    item.append(chips);
    item.addEventListener("click", () => select(rank));
    list.append(item);
  });
  $("prev").disabled = state.offset === 0;
  $("next").disabled = state.offset + shown >= total;
}

function renderFacets(counts) {
  for (const kind of KINDS) {
    const list = $("facet-" + kind);
    list.replaceChildren();
    counts.filter((count) => count.kind === kind).slice(0, 8).forEach((count) => {
      const item = el("li");
      const button = el("button", "facet", count.name);
      button.type = "button";
      button.dataset.entity = count.name;
      button.addEventListener("click", () => addEntityFilter(count.name));
      item.append(button, el("span", "count", String(count.articles)));
      list.append(item);
    });
  }
}

// Timeline: the interval follows the span in view; a click or a drag over
// bars narrows the dates to those periods.
function intervalFor() {
  if (state.from && state.to) {
    const days = (Date.parse(state.to) - Date.parse(state.from)) / 86400000;
    if (days <= 92) return "day";
    if (days <= 750) return "week";
  }
  return "month";
}

function periodBounds(label, interval) {
  const iso = (date) => date.toISOString().slice(0, 10);
  if (interval === "year") return [label + "-01-01", label + "-12-31"];
  if (interval === "month") {
    const [year, month] = label.split("-").map(Number);
    return [label + "-01", iso(new Date(Date.UTC(year, month, 0)))];
  }
  if (interval === "week") {
    const start = new Date(label + "T00:00:00Z");
    return [label, iso(new Date(start.getTime() + 6 * 86400000))];
  }
  return [label, label];
}

function renderHistogram(periods, interval) {
  const svg = $("histogram");
  svg.replaceChildren();
  const most = Math.max(1, ...periods.map((period) => period.articles));
  const width = Math.max(1, periods.length);
  svg.setAttribute("viewBox", "0 0 " + width + " 100");
  let dragFrom = null;
  periods.forEach((period, index) => {
    const bar = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    const height = period.articles ? Math.max(3, (period.articles / most) * 100) : 0;
    bar.setAttribute("x", String(index + 0.08));
    bar.setAttribute("width", "0.84");
    bar.setAttribute("y", String(100 - height));
    bar.setAttribute("height", String(height));
    bar.setAttribute("class", "bar");
    bar.dataset.period = period.period;
    const tip = document.createElementNS("http://www.w3.org/2000/svg", "title");
    tip.textContent = period.period + ": " + period.articles;
    bar.append(tip);
    // A transparent full-height target, so that short bars are easy to hit.
    const target = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    target.setAttribute("x", String(index));
    target.setAttribute("width", "1");
    target.setAttribute("y", "0");
    target.setAttribute("height", "100");
    target.setAttribute("class", "target");
    target.dataset.period = period.period;
    target.addEventListener("pointerdown", (event) => { event.preventDefault(); dragFrom = index; });
    target.addEventListener("pointerup", () => {
      const first = Math.min(dragFrom === null ? index : dragFrom, index);
      const last = Math.max(dragFrom === null ? index : dragFrom, index);
      dragFrom = null;
      state.from = periodBounds(periods[first].period, interval)[0];
      state.to = periodBounds(periods[last].period, interval)[1];
      state.offset = 0;
      refresh(true);
    });
    svg.append(bar, target);
  });
  $("axis-first").textContent = periods.length ? periods[0].period : "";
  $("axis-last").textContent = periods.length > 1 ? periods[periods.length - 1].period : "";
}

function renderQuotes(quotes) {
  const list = $("quotes");
  list.replaceChildren();
  $("quotes-summary").textContent = quotes.length === 1 ? "1 quote" : quotes.length + " quotes";
  quotes.forEach((quote) => {
    const item = el("li", "quote");
    item.append(el("blockquote", null, "“" + quote.text + "”"));
    const who = el("p", "meta");
    const speaker = el("button", "speaker-name", quote.speaker_name || quote.speaker || "(unknown)");
    speaker.type = "button";
    speaker.addEventListener("click", () => { state.speaker = speaker.textContent; $("speaker").value = state.speaker; refresh(true); });
    const title = el("a", "title", quote.title || "(no title)");
    title.href = "?" + urlParams({ article: quote.path }).toString();
    title.addEventListener("click", (event) => { event.preventDefault(); openArticle(quote.path); });
    who.append(speaker, el("span", "date", quote.date ? quote.date.slice(0, 10) : ""), title);
    item.append(who);
    list.append(item);
  });
}

// The article body with its quotes and entities marked; ranges found by
// searching the text, built as nodes.
function markedBody(article) {
  const body = article.body || "";
  const ranges = [];
  const find = (needle, className) => {
    if (!needle || needle.length < 2) return;
    let at = body.indexOf(needle);
    while (at !== -1 && ranges.length < 2000) {
      ranges.push([at, at + needle.length, className]);
      at = body.indexOf(needle, at + needle.length);
    }
  };
  (article.quotes || []).forEach((quote) => find(quote.text, "q"));
  (article.entities || []).forEach((entity) => find(entity.name, "e e-" + entity.kind));
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const fragment = document.createDocumentFragment();
  let written = 0;
  for (const [start, end, className] of ranges) {
    if (start < written) continue;
    fragment.append(document.createTextNode(body.slice(written, start)));
    fragment.append(el("mark", className, body.slice(start, end)));
    written = end;
  }
  fragment.append(document.createTextNode(body.slice(written)));
  return fragment;
}

async function openArticle(path, fromUrl) {
  state.article = path;
  if (!fromUrl) writeUrl(true);
  try {
    const article = await api("article", new URLSearchParams({ path }));
    $("article-title").textContent = article.title || "(no title)";
    const meta = $("article-meta");
    meta.replaceChildren(el("span", "date", article.date || "no date"));
    if (article.source) meta.append(el("span", "source", article.source));
    if (article.author) meta.append(el("span", "author", article.author));
    if (article.url && /^https?:\/\//i.test(article.url)) {
      const link = el("a", "url", article.url);
      link.href = article.url;
      link.rel = "noopener noreferrer nofollow";
      link.target = "_blank";
      meta.append(link);
    }
    meta.append(el("span", "path", article.path));
    const chips = $("article-entities");
    chips.replaceChildren();
    article.entities.forEach((entity) => chips.append(entityChip(entity, (name) => {
      closeArticle(); addEntityFilter(name);
    })));
    $("article-body").replaceChildren(markedBody(article));
    $("article").hidden = false;
    $("article-close").focus();
  } catch (error) {
    showError(error);
  }
}

function closeArticle() {
  $("article").hidden = true;
  if (!state.article) return;
  state.article = "";
  writeUrl(true);
}

function select(rank) {
  const items = $("hits").children;
  if (!items.length) return;
  selected = Math.max(0, Math.min(items.length - 1, rank));
  Array.from(items).forEach((item, index) => item.classList.toggle("selected", index === selected));
  items[selected].focus();
}

async function refresh(push) {
  document.body.dataset.ready = "false";
  writeUrl(push);
  renderFilters();
  // The boxes show the state, but never lose what the user is typing: "Ukraine "
  // is the query "Ukraine" while the next word is on its way.
  if ($("q").value.trim() !== state.q) $("q").value = state.q;
  $("sort").value = state.sort;
  if ($("speaker").value.trim() !== state.speaker) $("speaker").value = state.speaker;
  $("articles-view").hidden = state.view !== "articles";
  $("quotes-view").hidden = state.view !== "quotes";
  $("tab-articles").setAttribute("aria-pressed", String(state.view === "articles"));
  $("tab-quotes").setAttribute("aria-pressed", String(state.view === "quotes"));
  if (inflight) inflight.abort();
  inflight = new AbortController();
  const signal = inflight.signal;
  const interval = intervalFor();
  const sort = state.q ? state.sort : (state.sort === "relevance" ? "newest" : state.sort);
  try {
    const jobs = [
      api("timeline", urlParams({ interval }), signal).then((periods) => renderHistogram(periods, interval)),
      api("entities", urlParams({ limit: 40 }), signal).then(renderFacets),
    ];
    if (state.view === "quotes") {
      jobs.push(api("quotes", urlParams({ limit: 50 }), signal).then(renderQuotes));
    } else {
      const params = urlParams({ limit: PAGE, offset: state.offset });
      params.set("sort", sort);
      jobs.push(api("search", params, signal).then(renderHits));
    }
    await Promise.all(jobs);
    showError(null);
    document.body.dataset.ready = "true";
  } catch (error) {
    showError(error);
  }
}

let typing = null;

function start() {
  readUrl();
  $("q").addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => { state.q = $("q").value.trim(); state.offset = 0; refresh(false); }, 200);
  });
  $("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typing);
    state.q = $("q").value.trim();
    state.offset = 0;
    refresh(true);
  });
  $("sort").addEventListener("change", () => { state.sort = $("sort").value; state.offset = 0; refresh(true); });
  $("speaker").addEventListener("change", () => { state.speaker = $("speaker").value.trim(); refresh(true); });
  $("tab-articles").addEventListener("click", () => { state.view = "articles"; refresh(true); });
  $("tab-quotes").addEventListener("click", () => { state.view = "quotes"; refresh(true); });
  $("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); refresh(true); });
  $("next").addEventListener("click", () => { state.offset += PAGE; refresh(true); });
  $("article-close").addEventListener("click", closeArticle);
  document.addEventListener("keydown", onKey);
  window.addEventListener("popstate", () => {
    readUrl();
    refresh(false);
    if (state.article) openArticle(state.article, true); else $("article").hidden = true;
  });
  refresh(false);
  if (state.article) openArticle(state.article, true);
}

function onKey(event) {
  const typingInField = ["INPUT", "SELECT", "TEXTAREA"].includes(document.activeElement.tagName);
  if (event.key === "/" && !typingInField) {
    event.preventDefault();
    $("q").focus();
    $("q").select();
    return;
  }
  if (event.key === "Escape" && !$("article").hidden) {
    closeArticle();
    return;
  }
  if (state.view !== "articles" || !$("article").hidden) return;
  if (event.key === "ArrowDown" && (!typingInField || document.activeElement === $("q"))) {
    event.preventDefault();
    select(selected + 1);
  } else if (event.key === "ArrowUp" && !typingInField) {
    event.preventDefault();
    if (selected <= 0) { $("q").focus(); selected = -1; } else select(selected - 1);
  } else if (event.key === "Enter" && !typingInField && selected >= 0) {
    const link = $("hits").children[selected].querySelector("a.title");
    if (link) link.click();
  }
}

document.addEventListener("DOMContentLoaded", start);
