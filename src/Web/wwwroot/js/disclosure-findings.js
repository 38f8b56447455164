// Findings on a 部门决算公开 package as rendered by _DisclosurePackage.cshtml: the one place that maps a finding
// (its location: table = DisplayName, row = row label, column = column name; or a 情况说明 snippet) to the cells,
// rows, stated totals and sentences it concerns. markFindings is idempotent: the editor calls it again after each
// live re-check with the new findings.

const FLAGS = ["flag-error", "flag-warning", "flag-rounding"];
const SEVERITY_TEXT = { Error: "错误", Warning: "提示", Rounding: "尾差" };

/** The cells a cross-table rule compares with, besides the one its location names (DisclosureChecker.CheckAcrossTables). */
const COUNTERPARTS = {
  "DTX-04-01": f => [{ kind: "IncomeExpenditureSummary", row: f.location.row, column: "决算数", section: "收入" }],
  "DTX-05-04": () => [{ kind: "FiscalAppropriationSummary", row: "本年支出合计", column: "一般公共预算财政拨款", section: "支出" }],
  "DTX-06-05": () => [{ kind: "GeneralBudgetExpenditure", row: "合计", column: "基本支出" }],
  "DTX-02-01": () => [{ kind: "IncomeExpenditureSummary", row: "本年收入合计", column: "决算数", section: "收入" }],
  "DTX-03-01": () => [{ kind: "IncomeExpenditureSummary", row: "本年支出合计", column: "决算数", section: "支出" }],
};

/** What the last call marked, per root, so that the findings list can scroll to it. */
const state = new WeakMap();

/** "一、一般公共服务支出", "（1）公务用车购置费", "2.公务接待费" → the name without numbering and spaces. */
function normalize(name) {
  return (name || "").replace(/\s+/g, "")
    .replace(/^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])/, "");
}

function severityClass(severity) {
  return severity === "Error" ? "flag-error" : severity === "Warning" ? "flag-warning" : "flag-rounding";
}

/** The name cells of a table whose row the location's row string names, best match first. */
function rowsNamed(section, rowText, sideHint) {
  let cells = [...section.querySelectorAll("[data-row]")];
  if (sideHint) cells = cells.filter(c => c.dataset.section === sideHint);
  let text = rowText || "";
  // "收入总计" / "支出总计" name the 总计 of one side of a two-sided table.
  const side = /^(收入|支出)(总计)$/.exec(text);
  if (side) { cells = cells.filter(c => c.dataset.section === side[1]); text = side[2]; }
  const exact = cells.filter(c => c.dataset.rowLabel === text || c.dataset.rowName === text);
  if (exact.length) return exact;
  const n = normalize(text);
  if (!n) return [];
  const same = cells.filter(c => normalize(c.dataset.rowName) === n);
  if (same.length) return same;
  const prefix = cells.filter(c => normalize(c.dataset.rowName).startsWith(n));
  return prefix.slice(0, 1);
}

/** The value cells of the row a name cell belongs to; the one in the named column when there is one. */
function valueCells(root, nameCell, column) {
  const [t, r] = nameCell.dataset.row.split(":");
  const all = [...root.querySelectorAll(`[data-cell^="${t}:${r}:"]`)];
  if (!column) return all;
  const named = all.filter(c => c.dataset.column === column);
  return named.length ? named : all.slice(0, 1);
}

/** Every element a table location (in the table of `kind` or named `tableName`) concerns. */
function tableTargets(root, { tableName, kind, row, column, section: sideHint }) {
  const sections = [...root.querySelectorAll("section.disclosure-table")]
    .filter(s => (tableName && s.dataset.tableName === tableName) || (kind && s.dataset.kind === kind));
  const targets = [];
  for (const section of sections) {
    const totals = [...section.querySelectorAll("[data-total]")]
      .filter(c => row && row.split("+").map(p => p.trim()).includes(c.dataset.total.split(":").slice(1).join(":")));
    if (totals.length) { targets.push(...totals); continue; }
    const names = rowsNamed(section, row, sideHint);
    for (const name of names) targets.push(name, ...valueCells(root, name, column));
    if (!names.length && !row) targets.push(section);
  }
  return targets;
}

/** The 情况说明's paragraphs as one whitespace-free string, each character pointing back at its text node and offset. */
function narrativeIndex(narrative) {
  const map = [];
  let flat = "";
  for (const block of narrative.querySelectorAll(".narr")) {
    const node = block.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) continue;
    const text = node.data.replace(/％/g, "%");
    for (let i = 0; i < text.length; i++) {
      if (/\s/.test(text[i])) continue;
      flat += text[i];
      map.push({ node, offset: i });
    }
  }
  return { flat, map };
}

/** Wraps flat[start, end) in <mark>s, one per text node it spans; returns the marks. */
function wrap(index, start, end, cls, id, title) {
  const byNode = new Map();
  for (let k = start; k < end; k++) {
    const { node, offset } = index.map[k];
    const range = byNode.get(node) || { from: offset, to: offset };
    range.to = offset;
    byNode.set(node, range);
  }
  const marks = [];
  for (const [node, { from, to }] of [...byNode].reverse()) {
    const range = document.createRange();
    range.setStart(node, from);
    range.setEnd(node, to + 1);
    const mark = document.createElement("mark");
    mark.className = `finding-mark ${cls}`;
    mark.title = title;
    mark.setAttribute("aria-description", title);
    range.surroundContents(mark);
    marks.unshift(mark);
  }
  marks.forEach((mark, k) => { mark.id = k ? `${id}-${k}` : id; });
  return marks;
}

function resetNarrative(narrative) {
  for (const block of narrative.querySelectorAll(".narr")) {
    if (block.dataset.text === undefined) block.dataset.text = block.textContent;
    else block.textContent = block.dataset.text;
  }
}

/**
 * Marks the findings on the package under `root` (the element holding the 公开表 sections and #narrative), clearing
 * whatever an earlier call marked. `findings` are as serialized in #submission-data (`score.findings`). Returns,
 * per finding, the elements it concerns (empty when it names nothing on the page).
 */
export function markFindings(root, findings) {
  if (!root) return [];
  for (const el of root.querySelectorAll(".flag-error, .flag-warning, .flag-rounding, .finding-focus")) {
    el.classList.remove(...FLAGS, "finding-focus");
    if (el.dataset.findingTitle !== undefined) {
      el.removeAttribute("title");
      el.removeAttribute("aria-description");
      delete el.dataset.findingTitle;
    }
  }
  const narrative = root.querySelector("#narrative");
  if (narrative) resetNarrative(narrative);
  const index = narrative ? narrativeIndex(narrative) : null;

  const messages = new Map();
  const spans = []; // [start, end, n, cls, title] in the narrative, never overlapping
  const free = (start, end) => spans.every(([s, e]) => end <= s || start >= e);
  const results = (findings || []).map((f, n) => {
    const loc = f.location || {};
    const cls = severityClass(f.severity);
    const title = `${SEVERITY_TEXT[f.severity] || ""} ${f.rule}：${f.message}`;
    if (!loc.table && loc.row && index) {
      const snippet = loc.row.replace(/^…/, "").replace(/\s+/g, "").replace(/％/g, "%");
      // Every free occurrence: a 情况说明 often repeats a sentence word for word, and the finding says so.
      let found = 0;
      for (let at = index.flat.indexOf(snippet); at >= 0; at = index.flat.indexOf(snippet, at + 1))
        if (free(at, at + snippet.length)) { spans.push([at, at + snippet.length, n, cls, title]); found++; }
      if (found === 0) {
        // The same words hold another finding already (two checks on one clause): mark what is left of the first occurrence.
        const first = index.flat.indexOf(snippet);
        if (first < 0) return [];
        let start = first;
        for (const [s, e] of spans) if (s <= start && e > start) start = e;
        if (start >= first + snippet.length || !free(start, first + snippet.length)) return [];
        spans.push([start, first + snippet.length, n, cls, title]);
      }
      return []; // filled in below, once every span is known
    }
    if (!loc.table) return [];
    const targets = tableTargets(root, { tableName: loc.table, row: loc.row, column: loc.column });
    for (const extra of (COUNTERPARTS[f.rule]?.(f) || [])) targets.push(...tableTargets(root, extra));
    const unique = [...new Set(targets)];
    for (const el of unique) {
      // The worst severity wins when several findings concern one cell; the tooltip lists them all.
      if (!FLAGS.some(c => el.classList.contains(c)) || cls === "flag-error" || (cls === "flag-warning" && el.classList.contains("flag-rounding"))) {
        el.classList.remove(...FLAGS);
        el.classList.add(cls);
      }
      messages.set(el, [...(messages.get(el) || []), title]);
    }
    return unique;
  });
  // Last span first: wrapping splits text nodes after the offsets still to be used.
  const sorted = [...spans].sort((a, b) => b[0] - a[0]);
  for (const [start, end, n, cls, title] of sorted) {
    // ids in reading order: the first occurrence is narrative-finding-n, a repeat narrative-finding-n-r2 …
    const later = spans.filter(([s, , m]) => m === n && s < start).length;
    results[n] = [...wrap(index, start, end, cls, later ? `narrative-finding-${n}-r${later + 1}` : `narrative-finding-${n}`, title), ...results[n]];
  }
  for (const [el, list] of messages) {
    const text = list.join("\n");
    el.dataset.findingTitle = "";
    el.title = text;
    el.setAttribute("aria-description", text);
  }
  state.set(root, results);
  return results;
}

/** The elements finding n concerns, as the last markFindings call on root found them. */
export function targetsOf(root, n) {
  return state.get(root)?.[n] || [];
}

/** Scrolls to and highlights what finding n concerns. */
export function focusFinding(root, n) {
  for (const el of root.querySelectorAll(".finding-focus")) el.classList.remove("finding-focus");
  const targets = targetsOf(root, n);
  if (!targets.length) return false;
  for (const el of targets) el.classList.add("finding-focus");
  targets[targets.length > 1 && targets[0].dataset.row ? 1 : 0].scrollIntoView({ block: "center" });
  return true;
}

/**
 * Wires the findings list (#findings: links with data-finding = the finding's index in score.findings) to the
 * package under root, once; links whose finding names nothing on the page are dimmed.
 */
export function linkFindingsList(root, list) {
  if (!root || !list) return;
  for (const link of list.querySelectorAll("a[data-finding]"))
    link.classList.toggle("unlocated", targetsOf(root, Number(link.dataset.finding)).length === 0);
  if (list.dataset.linked) return;
  list.dataset.linked = "1";
  list.addEventListener("click", event => {
    const link = event.target.closest("a[data-finding]");
    if (!link) return;
    event.preventDefault();
    focusFinding(root, Number(link.dataset.finding));
  });
}

/** Scrolls to and highlights one element under root (a 自评表 row a note names), as focusFinding does for a finding. */
export function focusElement(root, element) {
  if (!root || !element) return false;
  for (const el of root.querySelectorAll(".finding-focus")) el.classList.remove("finding-focus");
  element.classList.add("finding-focus");
  element.scrollIntoView({ block: "center" });
  return true;
}

/**
 * The same for a form whose findings name their element by id (the 自评表: a link's data-target is "row-13",
 * "funds-total", "total-row" …): the links of the findings list focus it like the package's.
 */
export function linkFindingsByTarget(root, list) {
  if (!root || !list) return;
  const results = [];
  for (const link of list.querySelectorAll("a[data-finding][data-target]")) {
    const target = document.getElementById(link.dataset.target);
    results[Number(link.dataset.finding)] = target && root.contains(target) ? [target] : [];
  }
  state.set(root, results);
  linkFindingsList(root, list);
}
