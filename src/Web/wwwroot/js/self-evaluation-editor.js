// The preparer's editor of the 项目支出绩效自评表: one form, two modes. 编辑 turns the official form (#official-form,
// _SelfEvaluationForm.cshtml) into its edit mode in place — the same sheet, header, 项目资金, 年度总体目标, indicators,
// 总分 and 评价等级 as inputs, running sums beside the 总分 — and 取消 returns to the form as filed. The bar (#editor)
// says where the edits stand (已保存 / 未保存的修改 / 保存中…); unsaved edits are kept in the browser (unsaved-drafts.js).
import { api, showError, newCommandId, confirmDialog, ApiError } from "./app.js";
import { unsavedDraft, offerRestore } from "./unsaved-drafts.js";
import { buildEditor } from "./self-evaluation-editor-tables.js";

const data = JSON.parse(document.getElementById("submission-data").textContent);
const bar = document.getElementById("editor");
const sheet = document.getElementById("official-form");
const form = data.content?.projectForm;
const savedFlag = `form-saved:${data.id}`;

if (bar && sheet && form) {
  const kept = unsavedDraft(data.id, data.version, "projectForm");
  const view = [...sheet.querySelectorAll("#form-view, .scroll-hint, #target-notes")];
  const status = document.getElementById("editor-status");
  const editButton = document.getElementById("edit-form");
  const saveButton = document.getElementById("save");
  const cancelButton = document.getElementById("cancel-edit");
  const problem = document.getElementById("save-result");
  let editor = null; // { state, element, dirty, validate, content }
  let leaving = false;

  const dirty = () => editor !== null && editor.dirty();
  const setStatus = (text, cls) => { status.textContent = text; status.className = `editor-status ${cls}`; };
  function showState() {
    if (!editor) return;
    if (dirty()) {
      setStatus("未保存的修改", "unsaved");
      kept.save(editor.state);
    } else {
      setStatus("已保存", "saved");
      kept.clear();
    }
  }

  if (sessionStorage.getItem(savedFlag)) {
    sessionStorage.removeItem(savedFlag);
    setStatus("已保存", "saved");
  }

  function startEditing(restored) {
    editor = buildEditor(form, data.levelOnes, showState, restored, data.remarks || []);
    for (const part of view) part.hidden = true;
    view[view.length - 1].after(editor.element);
    sheet.classList.add("editing");
    editButton.hidden = true;
    saveButton.hidden = false;
    cancelButton.hidden = false;
    document.body.classList.add("form-editing");
    showState();
    sheet.querySelector("#f-project")?.focus();
  }

  function stopEditing() {
    editor.element.remove();
    editor = null;
    kept.clear();
    for (const part of view) part.hidden = false;
    sheet.classList.remove("editing");
    editButton.hidden = false;
    saveButton.hidden = true;
    cancelButton.hidden = true;
    document.body.classList.remove("form-editing");
    problem.replaceChildren();
    setStatus("", "");
    editButton.focus();
  }

  async function cancel() {
    if (dirty() && !(await confirmDialog({ title: "放弃修改", message: "有未保存的修改，放弃后表格恢复为上次保存的内容。", confirmText: "放弃修改" }))) return;
    stopEditing();
  }

  async function save() {
    const invalid = editor.validate();
    if (invalid) { showError(problem, new Error(invalid)); return; }
    saveButton.disabled = true;
    cancelButton.disabled = true;
    setStatus("保存中…", "saving");
    let version = data.version;
    const send = async (method, action, body) => {
      const result = await api(method, `/api/submissions/${data.id}/${action}`, { commandId: newCommandId(), version, ...body });
      version = result.version;
    };
    try {
      await send("PUT", "content", { content: editor.content() }).catch(e => {
        if (!(e instanceof ApiError && e.status === 400 && e.problem?.code === "no-change")) throw e;
      });
      kept.clear();
      await send("POST", "score", {});
      sessionStorage.setItem(savedFlag, "1");
      leaving = true;
      location.reload();
    } catch (e) {
      showError(problem, e);
      saveButton.disabled = false;
      cancelButton.disabled = false;
      showState();
    }
  }

  editButton.addEventListener("click", () => startEditing(null));
  saveButton.addEventListener("click", save);
  cancelButton.addEventListener("click", cancel);
  window.addEventListener("beforeunload", event => {
    if (!leaving && dirty()) { event.preventDefault(); event.returnValue = ""; }
  });
  // app.js announces an expired session before it sends the person to sign in: keep what is on the screen.
  document.addEventListener("session-expired", () => { if (dirty()) kept.save(editor.state); leaving = true; });

  const previous = kept.load();
  if (previous?.state) offerRestore(bar, previous).then(restore => restore ? startEditing(previous.state) : kept.clear());
}
