// The preparer's editor of a 部门决算公开 package, in place on the official layout (_DisclosurePackage.cshtml): every
// value cell (data-cell="t:r:c") and 06's stated totals (data-total="t:key") become numeric inputs, the 情况说明 a text
// area. Each change is re-checked by the engine on the server (POST …/check-content, records nothing) and the findings
// are marked again on the cells; 保存 records the content (PUT …/content) and scores it, like the 自评表 editor.
import { api, el, showError, newCommandId, confirmDialog, ApiError } from "./app.js";
import { markFindings } from "./disclosure-findings.js";
import { unsavedDraft, offerRestore } from "./unsaved-drafts.js";

const data = JSON.parse(document.getElementById("submission-data").textContent);
const root = document.getElementById("disclosure");
const bar = document.getElementById("disclosure-editor");
const original = data.content?.disclosure;
const base = `/api/submissions/${data.id}`;
const savedFlag = `disclosure-saved:${data.id}`;

/** A figure as typed ("1,664.67", "-", "") → number, null when blank, NaN when it is not a number. */
function parseNumber(text) {
  // full-width digits, point and minus as a Chinese input method types them (the importer reads them too)
  const t = String(text ?? "").replace(/[０-９]/g, d => String.fromCharCode(d.charCodeAt(0) - 0xFEE0)).replace(/．/g, ".")
    .replace(/^－(?=\d)/, "-").replace(/[,，\s]/g, "").replace(/^[-－—–]$/, "");
  if (t === "") return null;
  return /^[-+]?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
}

const SEVERITY = { Error: "错误", Warning: "提示", Rounding: "尾差" };

if (root && bar && original) {
  const draft = structuredClone(original);
  draft.tables.forEach(t => { t.statedTotals = { ...(t.statedTotals || {}) }; });
  const inputs = []; // { input, message, cell, get, set, initial, count }
  let narrativeBox = null;
  let editing = false;
  let checkTimer = null;
  let checkSequence = 0;
  let leaving = false;
  // Unsaved edits kept in the browser: every cell as typed (the inputs come in the page's order) and the 情况说明.
  const kept = unsavedDraft(data.id, data.version, "disclosure");
  const keep = () => kept.save({ typed: inputs.map(i => i.input.value), narrative: draft.narrative });

  const status = el("span", { id: "editor-status", role: "status", "aria-live": "polite" });
  const live = el("div", { id: "live-check", "aria-live": "polite" });
  const problem = el("div", { id: "editor-problem" });
  const editButton = el("button", { id: "edit-disclosure", type: "button" }, "编辑");
  const saveButton = el("button", { id: "save-disclosure", type: "button", hidden: true }, "保存并评分");
  const cancelButton = el("button", { id: "cancel-disclosure", type: "button", class: "secondary", hidden: true }, "放弃修改");
  bar.replaceChildren(
    el("div", { class: "editor-bar-row" },
      el("strong", {}, "编辑公开表"), status, el("span", { class: "spacer" }), editButton, saveButton, cancelButton),
    live, problem);

  if (sessionStorage.getItem(savedFlag)) {
    sessionStorage.removeItem(savedFlag);
    status.textContent = "已保存";
    status.className = "saved";
  } else status.replaceChildren(el("span", { class: "muted" }, "点“编辑”后可直接修改表中数字和情况说明，系统随即重新核对勾稽关系。"));

  const rowLabel = (table, row) => {
    const name = (row.name || "").trim();
    const label = name ? (row.code ? `${row.code} ${name}` : name) : `第 ${row.lineNo ?? "?"} 行`;
    const twice = table.rows.filter(r => (r.name || "").trim() === name && r.code === row.code).length > 1;
    return twice && row.section ? `${row.section} ${label}` : label;
  };
  const tableLabel = table => table.number ? `公开${table.number}表` : table.title;

  /** The submission's content with the edited package (attachments and the rest as they were). */
  const content = () => ({ ...data.content, disclosure: draft });

  let refusal = null; // the server's reason when it could not check the draft (a figure beyond its limits …)

  function changedCount() {
    // a cell that does not hold a number is a change too: it differs from what was saved
    let n = inputs.filter(i => Number.isNaN(i.get()) || i.get() !== i.initial).length;
    if (draft.narrative !== original.narrative) n++;
    return n;
  }

  function invalidCount() {
    return inputs.filter(i => i.message.textContent !== "").length;
  }

  function showState() {
    const n = changedCount();
    const bad = invalidCount();
    status.className = n ? "unsaved" : "";
    status.textContent = n ? `未保存的修改 ${n} 处` : "没有修改";
    if (bad) status.textContent += `；${bad} 处数字无法识别，不能保存`;
    else if (refusal) status.textContent += "；有不能保存的内容，见下方说明";
    saveButton.disabled = n === 0 || bad > 0 || refusal !== null;
    if (n) keep(); else kept.clear();
  }

  /** One input in place of a value cell; `get`/`set` read and write the draft. */
  function cellInput(cell, label, initial, count, set) {
    cell.dataset.original = cell.textContent;
    const input = el("input", { type: "text", inputmode: "decimal", class: "cell-input", size: 8, "aria-label": label, autocomplete: "off" });
    input.value = cell.textContent.trim() === "-" ? "" : cell.textContent.trim();
    const message = el("div", { class: "cell-error", role: "alert" });
    const entry = { input, message, cell, initial, count, value: initial, get: () => entry.value };
    input.addEventListener("input", () => {
      const v = parseNumber(input.value);
      const wrong = Number.isNaN(v) ? "须为数字" : count && v !== null && !Number.isInteger(v) ? "统计数应为整数" : "";
      message.textContent = wrong;
      input.setAttribute("aria-invalid", wrong ? "true" : "false");
      entry.value = wrong ? NaN : v;
      if (!wrong) set(v);
      showState();
      scheduleCheck();
    });
    cell.replaceChildren(input, message);
    cell.classList.add("editing");
    inputs.push(entry);
  }

  function startEditing() {
    editing = true;
    for (const cell of root.querySelectorAll("[data-cell]")) {
      const [t, r, c] = cell.dataset.cell.split(":").map(Number);
      const table = draft.tables[t];
      const row = table.rows[r];
      const column = table.columns[c] ?? `第 ${c + 1} 栏`;
      const count = cell.closest("tr")?.classList.contains("count") ?? false;
      cellInput(cell, `${tableLabel(table)} ${rowLabel(table, row)} ${column}`, original.tables[t].rows[r].values[c] ?? null, count,
        v => { row.values[c] = v; });
    }
    for (const cell of root.querySelectorAll("[data-total]")) {
      const [t, ...rest] = cell.dataset.total.split(":");
      const key = rest.join(":");
      const table = draft.tables[Number(t)];
      cellInput(cell, `${tableLabel(table)} ${key}`, original.tables[Number(t)].statedTotals?.[key] ?? null, false, v => {
        if (v === null) delete table.statedTotals[key]; else table.statedTotals[key] = v;
      });
    }
    const narrative = root.querySelector("#narrative");
    if (narrative) {
      narrativeBox = el("textarea", { id: "narrative-editor", class: "narrative-editor", "aria-label": "部门决算情况说明", maxlength: 200000 });
      narrativeBox.value = draft.narrative;
      narrativeBox.addEventListener("input", () => { draft.narrative = narrativeBox.value; showState(); scheduleCheck(); });
      narrative.hidden = true;
      narrative.after(narrativeBox);
    }
    document.getElementById("findings")?.classList.add("stale");
    editButton.hidden = true;
    saveButton.hidden = false;
    cancelButton.hidden = false;
    showState();
    inputs[0]?.input.focus();
  }

  function scheduleCheck() {
    clearTimeout(checkTimer);
    checkSequence++; // an answer still on its way is about a draft that no longer is
    refusal = null;
    if (invalidCount() > 0) {
      live.replaceChildren(el("div", { id: "live-counts", class: "sev-error" }, `有 ${invalidCount()} 处数字无法识别，改正后继续核对`));
      showState();
      return;
    }
    checkTimer = setTimeout(check, 400);
  }

  /** Asks the engine what it finds in the draft now; an answer overtaken by a later change is dropped. */
  async function check() {
    const sequence = ++checkSequence;
    live.replaceChildren(el("span", { class: "muted" }, "正在核对…"));
    try {
      const card = await api("POST", `${base}/check-content`, { content: content() });
      if (sequence !== checkSequence) return;
      problem.replaceChildren();
      markFindings(root, card.findings);
      showFindings(card.findings);
    } catch (e) {
      if (sequence !== checkSequence) return;
      refusal = e instanceof ApiError && e.status === 400 ? e.message : null;
      live.replaceChildren(el("div", { id: "live-counts", class: "sev-error", role: "alert" },
        refusal ? `无法核对：${refusal}` : `暂时无法核对：${e?.message || e}`));
      showState();
    }
  }

  function showFindings(findings) {
    const errors = findings.filter(f => f.severity === "Error");
    const warnings = findings.filter(f => f.severity === "Warning");
    const list = el("ul", { id: "live-findings" }, [...errors, ...warnings].slice(0, 30).map(f =>
      el("li", { class: `sev-${f.severity.toLowerCase()}` }, `${SEVERITY[f.severity]}：${f.message}`)));
    // replaceChildren would write a null out as the text "null": only what there is
    live.replaceChildren(...[
      el("div", { id: "live-counts", class: errors.length ? "sev-error" : "ok-text" },
        errors.length || warnings.length ? `实时核对：错误 ${errors.length} 处 · 提示 ${warnings.length} 处（尚未保存）` : "实时核对：未发现错误（尚未保存）"),
      errors.length || warnings.length ? el("details", {}, el("summary", {}, "查看问题"), list) : null,
    ].filter(Boolean));
  }

  async function save() {
    if (invalidCount() > 0) {
      inputs.find(i => i.message.textContent)?.input.focus();
      showError(problem, new Error(`有 ${invalidCount()} 处数字无法识别，请按提示修改`));
      return;
    }
    saveButton.disabled = true;
    cancelButton.disabled = true;
    status.textContent = "正在保存…";
    let version = data.version;
    const send = async (method, action, body) => {
      const result = await api(method, `${base}/${action}`, { commandId: newCommandId(), version, ...body });
      version = result.version;
    };
    try {
      await send("PUT", "content", { content: content() }).catch(e => {
        if (!(e instanceof ApiError && e.status === 400 && e.problem?.code === "no-change")) throw e;
      });
      kept.clear();
      await send("POST", "score", {});
      leaving = true;
      for (const i of inputs) i.initial = i.value;
      original.narrative = draft.narrative;
      sessionStorage.setItem(savedFlag, "1");
      status.textContent = "已保存";
      status.className = "saved";
      location.reload();
    } catch (e) {
      showError(problem, e);
      cancelButton.disabled = false;
      showState();
    }
  }

  async function cancel() {
    const n = changedCount();
    if (n > 0 && !(await confirmDialog({ title: "放弃修改", message: `有 ${n} 处修改尚未保存，放弃后将恢复为上次保存的内容。`, confirmText: "放弃修改" }))) return;
    kept.clear();
    leaving = true;
    inputs.length = 0;
    draft.narrative = original.narrative;
    location.reload();
  }

  /** Back to what was typed before the session expired (or the tab closed): each cell as if typed again. */
  function restore({ typed = [], narrative }) {
    startEditing();
    inputs.forEach((entry, k) => {
      if (typed[k] === undefined || typed[k] === entry.input.value) return;
      entry.input.value = typed[k];
      entry.input.dispatchEvent(new Event("input"));
    });
    if (narrativeBox && typeof narrative === "string" && narrative !== narrativeBox.value) {
      narrativeBox.value = narrative;
      narrativeBox.dispatchEvent(new Event("input"));
    }
  }

  editButton.addEventListener("click", () => startEditing());
  saveButton.addEventListener("click", save);
  cancelButton.addEventListener("click", cancel);
  // Leaving (a link, reload, another action's button) with unsaved edits asks first.
  window.addEventListener("beforeunload", event => {
    if (editing && !leaving && changedCount() > 0) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
  // app.js announces an expired session before it sends the person to sign in: keep what is on the screen.
  document.addEventListener("session-expired", () => { if (editing && changedCount() > 0) keep(); leaving = true; });
  const previous = kept.load();
  if (previous?.state) offerRestore(bar, previous).then(yes => yes ? restore(previous.state) : kept.clear());
}
