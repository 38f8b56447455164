// The preparer's editor of a 部门整体支出绩效自评报告, in place on the report (_DepartmentReport.cshtml): 编辑 turns the
// 自评得分 and 评价等级 in its heading into fields and the report as read into its text, in a text area where it stood.
// Every change is re-checked by the engine on the server (POST …/check-content, records nothing, with the unit's other
// reports of the year as 评分 uses them); each problem found leads to its sentence in the text. 保存 records the content
// (PUT …/content: a 修改 naming what changed) and scores it, like the 自评表 and 决算公开 editors.
import { api, el, showError, newCommandId, confirmDialog, ApiError } from "./app.js";
import { unsavedDraft, offerRestore } from "./unsaved-drafts.js";

const data = JSON.parse(document.getElementById("submission-data").textContent);
const report = document.getElementById("department-report");
const bar = document.getElementById("department-editor");
const original = data.content?.department;
const base = `/api/submissions/${data.id}`;
const savedFlag = `department-saved:${data.id}`;
const SEVERITY = { Error: "错误", Warning: "提示", Rounding: "尾差" };
const GRADES = ["优秀", "良好", "中等", "较差"];

/** A score as typed ("97.44", "９７．４４") → number, null when blank, NaN when it is not a number. */
function parseScore(text) {
  const t = String(text ?? "").replace(/[０-９]/g, d => String.fromCharCode(d.charCodeAt(0) - 0xFEE0)).replace(/．/g, ".").replace(/[\s分]/g, "");
  if (t === "") return null;
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
}

/** Where a finding's excerpt ("编制人数共10人，其中…") stands in the text, whatever line breaks and spaces the PDF left in it. */
function locate(text, excerpt) {
  const chars = [...String(excerpt ?? "").replace(/…+$/, "").replace(/\s+/g, "")].slice(0, 40);
  if (chars.length < 4) return null;
  const pattern = new RegExp(chars.map(c => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s*"));
  const match = pattern.exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

if (report && bar && original) {
  const draft = { narrative: original.narrative ?? "", score: original.statedScore === null || original.statedScore === undefined ? "" : String(original.statedScore), grade: original.statedGrade ?? "" };
  const kept = unsavedDraft(data.id, data.version, "department");
  const view = [...report.querySelectorAll(".dept-body, .dept-attachment, #dept-toc, .dept-note, .dept-score-source")];
  let editing = false;
  let leaving = false;
  let checkTimer = null;
  let checkSequence = 0;
  let refusal = null;
  let textBox = null;
  let scoreBox = null;
  let gradeBox = null;

  const status = el("span", { id: "editor-status", role: "status", "aria-live": "polite" });
  const live = el("div", { id: "live-check", "aria-live": "polite" });
  const problem = el("div", { id: "editor-problem" });
  const editButton = el("button", { id: "edit-department", type: "button" }, "编辑");
  const saveButton = el("button", { id: "save-department", type: "button", hidden: true }, "保存并评分");
  const cancelButton = el("button", { id: "cancel-department", type: "button", class: "secondary", hidden: true }, "放弃修改");
  bar.replaceChildren(
    el("div", { class: "editor-bar-row" }, el("strong", {}, "编辑报告"), status, el("span", { class: "spacer" }), editButton, saveButton, cancelButton),
    live, problem);

  if (sessionStorage.getItem(savedFlag)) {
    sessionStorage.removeItem(savedFlag);
    status.textContent = "已保存";
    status.className = "saved";
  } else status.replaceChildren(el("span", { class: "muted" }, "点“编辑”后可直接修改报告正文、自评得分和评价等级，系统随即重新检查。"));

  const scoreChanged = () => parseScore(draft.score) !== (original.statedScore ?? null) || (draft.grade || null) !== (original.statedGrade ?? null);
  const scoreInvalid = () => {
    const v = parseScore(draft.score);
    return Number.isNaN(v) ? "须为数字" : v !== null && (v < 0 || v > 100) ? "应在 0–100 之间" : v !== null && Math.round(v * 100) !== v * 100 ? "最多两位小数" : "";
  };

  /** The submission's content with the edited report; the score's source stays only while the score and grade are as read. */
  const content = () => ({
    ...data.content,
    department: {
      ...original,
      narrative: draft.narrative,
      statedScore: parseScore(draft.score),
      statedGrade: draft.grade || null,
      statedScoreSource: scoreChanged() ? null : original.statedScoreSource ?? null,
    },
  });

  function changes() {
    const list = [];
    if (draft.narrative !== (original.narrative ?? "")) list.push("报告正文");
    if (parseScore(draft.score) !== (original.statedScore ?? null) || Number.isNaN(parseScore(draft.score))) list.push("自评得分");
    if ((draft.grade || null) !== (original.statedGrade ?? null)) list.push("评价等级");
    return list;
  }

  function showState() {
    const changed = changes();
    const bad = scoreInvalid();
    status.className = changed.length ? "unsaved" : "";
    status.textContent = changed.length ? `未保存的修改：${changed.join("、")}` : "没有修改";
    if (bad) status.textContent += "；自评得分有误，不能保存";
    else if (refusal) status.textContent += "；有不能保存的内容，见下方说明";
    saveButton.disabled = changed.length === 0 || bad !== "" || refusal !== null;
    if (changed.length) kept.save({ ...draft }); else kept.clear();
  }

  function scoreField() {
    const score = report.querySelector("#dept-score");
    const grade = report.querySelector("#dept-grade");
    scoreBox = el("input", { id: "dept-score-input", class: "auto-width", inputmode: "decimal", size: 6, maxlength: 8, "aria-label": "自评得分（分）", autocomplete: "off" });
    scoreBox.value = draft.score;
    const message = el("span", { class: "field-error", id: "dept-score-error", role: "alert" });
    scoreBox.addEventListener("input", () => {
      draft.score = scoreBox.value;
      const bad = scoreInvalid();
      message.textContent = bad ? `自评得分${bad}` : "";
      scoreBox.setAttribute("aria-invalid", bad ? "true" : "false");
      changed();
    });
    const choices = GRADES.includes(draft.grade) || !draft.grade ? GRADES : [draft.grade, ...GRADES];
    gradeBox = el("select", { id: "dept-grade-input", class: "auto-width", "aria-label": "评价等级" },
      el("option", { value: "" }, "（未写）"), choices.map(g => el("option", { value: g, selected: g === draft.grade }, g)));
    gradeBox.addEventListener("change", () => { draft.grade = gradeBox.value; changed(); });
    // inside their <dd>: a <dl> holds nothing but its terms and descriptions
    score.replaceChildren(el("span", { class: "dept-edit-field" }, scoreBox, " 分", message));
    grade.hidden = true;
    grade.after(gradeBox);
  }

  function startEditing() {
    editing = true;
    scoreField();
    textBox = el("textarea", { id: "dept-narrative-editor", class: "dept-narrative-editor", "aria-label": "报告正文（含附件）", maxlength: 200000, spellcheck: "false" });
    textBox.value = draft.narrative;
    textBox.addEventListener("input", () => { draft.narrative = textBox.value; changed(); });
    for (const part of view) part.hidden = true;
    report.querySelector("#dept-meta").after(
      el("p", { class: "muted dept-edit-hint" }, "报告正文按导入时的原文保存（含所附报告和表格）；修改数字或语句后，系统按修改后的正文重新读出章节、得分和附件并检查。"),
      textBox);
    document.getElementById("findings")?.classList.add("stale");
    editButton.hidden = true;
    saveButton.hidden = false;
    cancelButton.hidden = false;
    document.body.classList.add("form-editing");
    showState();
    check();
  }

  function changed() {
    showState();
    clearTimeout(checkTimer);
    checkSequence++; // an answer still on its way is about a draft that no longer is
    refusal = null;
    if (scoreInvalid()) {
      live.replaceChildren(el("div", { id: "live-counts", class: "sev-error" }, "自评得分有误，改正后继续检查"));
      return;
    }
    checkTimer = setTimeout(check, 500);
  }

  /** Asks the engine what it finds in the draft now; an answer overtaken by a later change is dropped. */
  async function check() {
    const sequence = ++checkSequence;
    live.replaceChildren(el("span", { class: "muted" }, "正在检查…"));
    try {
      const card = await api("POST", `${base}/check-content`, { content: content() });
      if (sequence !== checkSequence) return;
      problem.replaceChildren();
      showFindings(card.findings);
    } catch (e) {
      if (sequence !== checkSequence) return;
      refusal = e instanceof ApiError && e.status === 400 ? e.message : null;
      live.replaceChildren(el("div", { id: "live-counts", class: "sev-error", role: "alert" },
        refusal ? `无法检查：${refusal}` : `暂时无法检查：${e?.message || e}`));
      showState();
    }
  }

  /** How far down the text area `index` stands: the text before it laid out in a hidden copy of the area (lines wrap). */
  function offsetOf(index) {
    const s = getComputedStyle(textBox);
    const mirror = document.createElement("div");
    for (const p of ["fontFamily", "fontSize", "fontWeight", "lineHeight", "letterSpacing", "wordBreak", "overflowWrap", "tabSize"]) mirror.style[p] = s[p];
    Object.assign(mirror.style, { position: "absolute", visibility: "hidden", whiteSpace: "pre-wrap", boxSizing: "content-box", padding: "0",
      width: `${textBox.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight)}px` });
    mirror.textContent = textBox.value.slice(0, index);
    document.body.append(mirror);
    const height = mirror.offsetHeight;
    mirror.remove();
    return height;
  }

  /** Selects the sentence a finding is about in the text and brings it into view, below the bar that stays on top. */
  function goTo(at) {
    textBox.focus({ preventScroll: true });
    textBox.setSelectionRange(at.start, at.end);
    textBox.scrollTop = Math.max(0, offsetOf(at.start) - textBox.clientHeight / 3);
    window.scrollBy(0, textBox.getBoundingClientRect().top - bar.getBoundingClientRect().bottom - 8);
  }

  function showFindings(findings) {
    const errors = findings.filter(f => f.severity === "Error");
    const warnings = findings.filter(f => f.severity === "Warning");
    const item = f => {
      const at = locate(draft.narrative, f.location?.row);
      return el("li", { class: `sev-${f.severity.toLowerCase()}`, "data-rule": f.rule },
        `${SEVERITY[f.severity] ?? ""}：${f.message} `, el("span", { class: "rule-id" }, f.rule),
        at ? el("button", { type: "button", class: "small secondary locate", onclick: () => { const now = locate(draft.narrative, f.location?.row); if (now) goTo(now); } }, "在正文中定位") : null);
    };
    // replaceChildren would write a null out as the text "null": only what there is
    live.replaceChildren(...[
      el("div", { id: "live-counts", class: errors.length ? "sev-error" : "ok-text" },
        errors.length || warnings.length ? `实时检查：错误 ${errors.length} 处 · 提示 ${warnings.length} 处（尚未保存）` : "实时检查：未发现问题（尚未保存）"),
      errors.length || warnings.length ? el("ul", { id: "live-findings" }, [...errors, ...warnings].slice(0, 30).map(item)) : null,
    ].filter(Boolean));
  }

  async function save() {
    if (scoreInvalid()) { scoreBox.focus(); showError(problem, new Error(`自评得分${scoreInvalid()}`)); return; }
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
      sessionStorage.setItem(savedFlag, "1");
      location.reload();
    } catch (e) {
      showError(problem, e);
      cancelButton.disabled = false;
      showState();
    }
  }

  async function cancel() {
    const n = changes().length;
    if (n > 0 && !(await confirmDialog({ title: "放弃修改", message: `${changes().join("、")}有修改尚未保存，放弃后将恢复为上次保存的内容。`, confirmText: "放弃修改" }))) return;
    kept.clear();
    leaving = true;
    location.reload();
  }

  /** Back to what was typed before the session expired (or the tab closed). */
  function restore(state) {
    Object.assign(draft, { narrative: state.narrative ?? draft.narrative, score: state.score ?? draft.score, grade: state.grade ?? draft.grade });
    startEditing();
  }

  editButton.addEventListener("click", () => startEditing());
  saveButton.addEventListener("click", save);
  cancelButton.addEventListener("click", cancel);
  window.addEventListener("beforeunload", event => {
    if (editing && !leaving && changes().length > 0) { event.preventDefault(); event.returnValue = ""; }
  });
  // app.js announces an expired session before it sends the person to sign in: keep what is on the screen.
  document.addEventListener("session-expired", () => { if (editing && changes().length > 0) kept.save({ ...draft }); leaving = true; });
  const previous = kept.load();
  if (previous?.state) offerRestore(bar, previous).then(yes => yes ? restore(previous.state) : kept.clear());
}
