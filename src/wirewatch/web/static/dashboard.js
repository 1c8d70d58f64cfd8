// wirewatch dashboard: loads JSON from the local API and builds the DOM.
// Every piece of data is inserted with textContent or setAttribute, never innerHTML: scraped
// text is untrusted and must show as text.
"use strict";

const SVG = "http://www.w3.org/2000/svg";

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined) node.setAttribute(k, String(v));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === "string" || typeof child === "number" ? String(child) : child);
  }
  return node;
}

function svg(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  return node;
}

async function getJSON(url) {
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await res.json();
  if (!res.ok) throw new Error(body.error ? body.error.message : res.statusText);
  return body;
}

function enc(s) { return encodeURIComponent(s); }
function pairHref(s, t, day) { return `/pair/${enc(s)}/${enc(t)}` + (day ? `?day=${enc(day)}` : ""); }

function fail(where, err) {
  where.replaceChildren(el("p", { class: "error" }, "Could not load: " + err.message));
}

// ---- small charts --------------------------------------------------------------------------
function sparkline(values, width = 120, height = 28) {
  const box = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, class: "spark" });
  const max = Math.max(1, ...values.map((v) => Math.abs(v)));
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const mid = height / 2;
  const pts = values.map((v, i) => `${(i * step).toFixed(1)},${(mid - (v / max) * (mid - 2)).toFixed(1)}`);
  box.append(svg("line", { x1: 0, x2: width, y1: mid, y2: mid, class: "axis" }));
  box.append(svg("polyline", { points: pts.join(" "), class: "spark-line" }));
  return box;
}

function barChart(days, alerts, onPick) {
  const W = 900, H = 260, L = 40, B = 30, T = 10;
  const box = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "bars", role: "img" });
  if (!days.length) return box;
  const vals = days.map((d) => d.tension);
  const max = Math.max(1, ...vals), min = Math.min(0, ...vals);
  const y = (v) => T + (max - v) / (max - min) * (H - T - B);
  const bw = (W - L) / days.length;
  box.append(svg("line", { x1: L, x2: W, y1: y(0), y2: y(0), class: "axis" }));
  for (const v of [max, min]) {
    const label = svg("text", { x: L - 4, y: y(v) + 4, class: "tick", "text-anchor": "end" });
    label.textContent = v.toFixed(1);
    box.append(label);
  }
  const alerted = new Set(alerts.map((a) => a.day));
  days.forEach((d, i) => {
    const x = L + i * bw;
    const top = Math.min(y(d.tension), y(0)), h = Math.max(1, Math.abs(y(d.tension) - y(0)));
    const g = svg("g", { class: "day", "data-day": d.day, tabindex: 0 });
    g.append(svg("rect", { x: x, y: T, width: bw, height: H - T - B, class: "hit" }));
    const bar = svg("rect", { x: x + 1, y: top, width: Math.max(1, bw - 2), height: h,
      class: d.tension > 0 ? "bar conflict" : d.tension < 0 ? "bar coop" : "bar zero" });
    const tip = svg("title", {});
    tip.textContent = `${d.day}: tension ${d.tension}, events ${d.verbal_conflict + d.material_conflict + d.verbal_cooperation + d.material_cooperation}`;
    bar.append(tip);
    g.append(bar);
    if (alerted.has(d.day)) g.append(svg("circle", { cx: x + bw / 2, cy: top - 6, r: 4, class: "alert-dot" }));
    if (i % Math.ceil(days.length / 8) === 0) {
      const label = svg("text", { x: x + bw / 2, y: H - 10, class: "tick", "text-anchor": "middle" });
      label.textContent = d.day.slice(5);
      box.append(label);
    }
    g.addEventListener("click", () => onPick(d.day));
    g.addEventListener("keydown", (e) => { if (e.key === "Enter") onPick(d.day); });
    box.append(g);
  });
  return box;
}

// ---- shared renderers ----------------------------------------------------------------------
function mergedEventBlock(ev) {
  const head = el("div", { class: "ev-head" },
    el("span", { class: `quad ${ev.quad.replace(/\s+/g, "-").toLowerCase()}` }, ev.type),
    ` ${ev.source || "?"} → ${ev.target || "?"} · ${ev.date || "undated"} · intensity ${ev.intensity} · ` +
    `${ev.outlets} outlet${ev.outlets === 1 ? "" : "s"} · first seen ${ev.first_seen || "?"}`);
  const list = el("ul", { class: "mentions" });
  for (const m of ev.mentions) {
    list.append(el("li", {},
      el("q", { class: "evidence" }, m.sentence.trim()), " ",
      el("a", { href: `/article/${enc(m.article_id)}` }, m.title || m.article_id),
      el("span", { class: "muted" }, ` (${m.site || "unknown site"}, ${m.published || "undated"})`)));
  }
  return el("div", { class: "merged-event" }, head, list);
}

// ---- pages ---------------------------------------------------------------------------------
async function overviewPage() {
  const status = document.getElementById("status");
  try {
    const [active, escalating, alerts, stories] = await Promise.all([
      getJSON("/dyads?order=active&limit=10"), getJSON("/dyads?order=escalating&limit=10"),
      getJSON("/alerts?limit=15"), getJSON("/stories?min_articles=2&limit=12")]);
    status.textContent = active.last_day ? `Data up to ${active.last_day}.` : "No events in the database yet.";
    for (const [id, data, col] of [["active", active, "events"], ["escalating", escalating, "escalation"]]) {
      const table = document.getElementById(id);
      table.replaceChildren(el("tr", {}, el("th", {}, "pair"), el("th", {}, col), el("th", {}, "alerts"), el("th", {}, "last 30 days")));
      for (const p of data.pairs) {
        table.append(el("tr", {},
          el("td", {}, el("a", { href: pairHref(p.source, p.target) }, `${p.source} → ${p.target}`)),
          el("td", { class: "num" }, String(p[col])), el("td", { class: "num" }, String(p.alerts)),
          el("td", {}, sparkline(p.spark))));
      }
    }
    const alertList = document.getElementById("alerts");
    alertList.replaceChildren(...(alerts.items.length ? alerts.items.map((a) => el("li", {},
      el("a", { href: pairHref(a.source, a.target, a.day) }, `${a.day} ${a.source} → ${a.target}`),
      ` tension ${a.tension} vs baseline ${a.baseline} (score ${a.score})`)) : [el("li", { class: "muted" }, "No alerts.")]));
    const storyList = document.getElementById("stories");
    storyList.replaceChildren(...stories.items.map((s) => el("li", {},
      el("a", { href: `/story/${enc(s.id)}` }, s.title || s.id),
      el("span", { class: "muted" }, ` ${s.articles} articles, ${s.sites.length} outlets, ${(s.first_seen || "").slice(0, 10)}`))));
  } catch (err) { fail(status, err); }
}

async function pairPage() {
  const body = document.body;
  const source = body.dataset.source, target = body.dataset.target;
  const chart = document.getElementById("chart");
  const dayBox = document.getElementById("day-events");
  const dayTitle = document.getElementById("day-title");
  let shown = null;  // the day last picked: a slower answer for an earlier pick is dropped
  async function pick(day) {
    shown = day;
    document.querySelectorAll("g.day.selected").forEach((g) => g.classList.remove("selected"));
    const g = document.querySelector(`g.day[data-day="${CSS.escape(day)}"]`);
    if (g) g.classList.add("selected");
    dayTitle.textContent = `Events of ${day}`;
    try {
      const data = await getJSON(`/dyads/${enc(source)}/${enc(target)}/${enc(day)}`);
      if (shown !== day) return;
      dayBox.replaceChildren(...(data.events.length ? data.events.map(mergedEventBlock)
        : [el("p", { class: "muted" }, "No events that day.")]));
      dayBox.dataset.day = day;  // which day the list shows (set once it is drawn)
    } catch (err) { if (shown === day) fail(dayBox, err); }
  }
  try {
    const data = await getJSON(`/dyads/${enc(source)}/${enc(target)}`);
    if (!data.days.length) chart.replaceChildren(el("p", { class: "muted" }, "No events for this pair."));
    else chart.replaceChildren(barChart(data.days, data.alerts, pick));
    const list = document.getElementById("pair-alerts");
    list.replaceChildren(...(data.alerts.length ? data.alerts.map((a) => el("li", {},
      `${a.day}: tension ${a.tension}, baseline ${a.baseline}, threshold ${a.threshold}, score ${a.score}`))
      : [el("li", { class: "muted" }, "No alerts.")]));
    const wanted = body.dataset.day || (data.alerts[0] && data.alerts[0].day);
    if (wanted) pick(wanted);
  } catch (err) { fail(chart, err); }
}

// Split the body into runs with constant highlight flags, then into paragraphs on blank lines.
function highlightedBody(text, quotes, events) {
  const flags = new Uint8Array(text.length);
  for (const q of quotes) for (let i = Math.max(0, q.start); i < Math.min(text.length, q.end); i++) flags[i] |= 1;
  for (const e of events) for (let i = Math.max(0, e.start); i < Math.min(text.length, e.end); i++) flags[i] |= 2;
  const container = document.createDocumentFragment();
  let para = el("p", {});
  let i = 0;
  while (i < text.length) {
    if (text.startsWith("\n\n", i)) { container.append(para); para = el("p", {}); i += 2; continue; }
    let j = i + 1;
    while (j < text.length && flags[j] === flags[i] && !text.startsWith("\n\n", j)) j++;
    const piece = text.slice(i, j);
    if (flags[i] === 0) para.append(piece);
    else para.append(el("span", { class: [flags[i] & 1 ? "hl-quote" : "", flags[i] & 2 ? "hl-event" : ""].join(" ").trim() }, piece));
    i = j;
  }
  container.append(para);
  return container;
}

// PLOVER's generic codes say little ("IGO"): show the organisation's name instead.
const GENERIC = new Set(["IGO", "NGO", "ISM", "IMG", "MNC", "UNO", "EUR"]);
function actorLabel(actors) {
  return actors.map((x) => (!x.code || GENERIC.has(x.code) ? x.name : x.code)).join("+") || "?";
}

async function articlePage() {
  const id = document.body.dataset.article;
  const bodyBox = document.getElementById("body");
  try {
    const a = await getJSON(`/articles/${enc(id)}`);
    document.querySelector("h1").textContent = a.title || "(no title)";
    document.title = `${a.title || "Article"} · wirewatch`;
    const meta = document.getElementById("meta");
    meta.replaceChildren(`${a.site || "unknown site"} · ${a.published || "undated"} · ${a.authors.join(", ") || "no byline"} · `,
      a.story_id ? el("a", { href: `/story/${enc(a.story_id)}` }, "story") : "no story",
      a.copy_of ? el("span", {}, " · copy of ", el("a", { href: `/article/${enc(a.copy_of)}` }, a.copy_of)) : "");
    bodyBox.replaceChildren(highlightedBody(a.body_text, a.quotes, a.events));
    document.getElementById("quotes").replaceChildren(...a.quotes.map((q) => el("li", {},
      el("q", {}, q.text.trim()), el("span", { class: "muted" }, ` — ${q.speaker ? q.speaker.name : "unknown"} (${q.kind})`))));
    document.getElementById("events").replaceChildren(...a.events.map((e) => el("li", {},
      el("b", {}, e.type), ` ${actorLabel(e.source)} → ${actorLabel(e.target)} (${e.modality}, ${e.intensity}): `,
      el("q", {}, e.sentence.trim()))));
  } catch (err) { fail(bodyBox, err); }
}

async function storyPage() {
  const id = document.body.dataset.story;
  const table = document.getElementById("members");
  try {
    const s = await getJSON(`/stories/${enc(id)}`);
    document.querySelector("h1").textContent = s.title || "(untitled story)";
    document.getElementById("meta").textContent =
      `${s.articles} articles from ${s.sites.length} outlets, ${s.first_seen || "?"} to ${s.last_seen || "?"}`;
    table.replaceChildren(el("tr", {}, el("th", {}, "outlet"), el("th", {}, "published"), el("th", {}, "article"), el("th", {}, "note")));
    for (const m of s.members) {
      table.append(el("tr", {}, el("td", {}, m.site || "?"), el("td", {}, m.published || "?"),
        el("td", {}, el("a", { href: `/article/${enc(m.id)}` }, m.title || m.id)),
        el("td", { class: "muted" }, m.copy_of ? `syndicated copy (similarity ${m.similarity})` : "")));
    }
    document.getElementById("story-events").replaceChildren(...(s.events.length ? s.events.map(mergedEventBlock)
      : [el("p", { class: "muted" }, "No coded events.")]));
  } catch (err) { fail(table, err); }
}

const PAGES = { overview: overviewPage, pair: pairPage, article: articlePage, story: storyPage };
document.addEventListener("DOMContentLoaded", () => {
  const run = PAGES[document.body.dataset.page];
  if (run) run().finally(() => document.body.setAttribute("data-ready", "1"));
});
