import { api, el, showError, newCommandId, onNotification, watchSubmission, confirmDialog } from "./app.js";
import { linkFindingsByTarget, focusElement } from "./disclosure-findings.js";

const data = JSON.parse(document.getElementById("submission-data").textContent);
const base = `/api/submissions/${data.id}`;
let version = data.version;

async function command(action, body = {}, method = "POST") {
  const result = await api(method, `${base}/${action}`, { commandId: newCommandId(), version, ...body });
  version = result.version;
  return result;
}


// ---- findings: a finding of a 自评表 row, the 项目资金 line or the 总分 row leads to it, as on a 公开表 ----
const sheet = document.getElementById("official-form");
const findingsList = document.getElementById("findings");
if (sheet && findingsList) linkFindingsByTarget(sheet, findingsList);
for (const link of document.querySelectorAll("#target-notes a.row-link")) {
  link.addEventListener("click", event => {
    event.preventDefault();
    focusElement(sheet, document.getElementById(link.getAttribute("href").slice(1)));
  });
}

// ---- actions ----
/** The errors of the current score, as a person reads them. */
const errors = (data.score?.findings || []).filter(f => f.severity === "Error").map(f => f.message);

/**
 * Steps that cannot be undone ask first, naming their consequence, and, while the form still has errors, listing them.
 */
function confirmStep(step, consequence) {
  return confirmDialog(errors.length === 0
    ? { title: `确认${step}？`, message: consequence, confirmText: step }
    : { title: `${step}：表中仍有 ${errors.length} 处错误`, message: `${consequence}以下错误将随之保留：`, items: errors, confirmText: `仍然${step}` });
}

/** Where a refused action says why: beside its own control (its .action-block's box, else one made after its row of buttons). */
function errorBoxOf(button) {
  const block = button.closest(".action-block")?.querySelector(".action-error");
  if (block) return block;
  const row = button.closest(".actions, .form-row") || button.parentElement;
  let box = row.nextElementSibling;
  if (!box?.classList.contains("action-error")) {
    box = el("div", { class: "action-error" });
    row.after(box);
  }
  return box;
}

/** The request's fields (as a problem's `errors` name them) and the inputs that hold them. */
const fieldInputs = { indexNumber: "index-number", publisher: "publisher", confidentialityReviewed: "confidentiality", principalSigned: "principal" };

/** A refusal naming several fields: each message beside its field. */
function showFieldProblems(e) {
  document.querySelectorAll(".field-problem").forEach(n => n.remove());
  document.querySelectorAll(".has-problem").forEach(n => n.classList.remove("has-problem"));
  document.querySelectorAll("[aria-describedby^='problem-']").forEach(n => { n.removeAttribute("aria-describedby"); n.removeAttribute("aria-invalid"); });
  for (const problem of e?.problem?.errors || []) {
    const input = document.getElementById(fieldInputs[problem.field]);
    if (!input) continue;
    const id = `problem-${input.id}`;
    const anchor = input.type === "checkbox" ? input.closest("label") : input;
    anchor.classList.add("has-problem");
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", id);
    anchor.after(el("div", { class: "field-problem", id, "data-field": problem.field }, problem.message));
  }
}

function run(buttonId, work, ask = () => Promise.resolve(true)) {
  const button = document.getElementById(buttonId);
  button?.addEventListener("click", async () => {
    button.disabled = true;
    showFieldProblems(null);
    try {
      if (!(await ask())) { button.disabled = false; return; }
      await work();
      location.reload();
    } catch (e) {
      showError(errorBoxOf(button), e);
      showFieldProblems(e);
      button.disabled = false;
    }
  });
}

run("score", () => command("score"));
run("submit", () => command("submit"), () => confirmStep("提交审核", "提交后不能再修改，直到审核人退回或您在审核开始前撤回。"));
run("withdraw", () => command("withdraw", { reason: "撤回修改" }), () => confirmDialog({
  title: "确认撤回？", message: "撤回后报告回到草稿，审核人的队列中不再有它；修改后需重新提交审核。", confirmText: "撤回",
}));
run("claim", () => command("claim"));
run("release", () => command("release", { reason: document.getElementById("release-reason").value.trim() || null }));
// a 三级指标 row is named by its id: two rows may share a name; the server writes the row's label
run("comment", () => command("comments", { text: document.getElementById("comment-text").value, rowId: document.getElementById("comment-row").value || null }));
run("return", () => command("return", {
  reason: document.getElementById("return-reason-text").value,
  rowRemarks: [...document.querySelectorAll(".row-remark")].filter(i => i.value.trim()).map(i => ({ rowId: i.dataset.row, rowReference: i.dataset.rowLabel, remark: i.value })),
}), () => confirmDialog({
  title: "确认退回修改？", message: "退回后本轮审核结束，退回原因与逐行意见记入审计记录、不可更改；单位修改后重新提交，进入下一轮。", confirmText: "退回修改",
}));
run("approve", () => command("approve", {
  // a 部门决算公开 package has no grade radios: it is approved without a grade
  grade: document.querySelector('input[name="grade"]:checked')?.value ?? null,
  overrideReason: document.getElementById("override-reason")?.value || null,
  opinion: document.getElementById("opinion").value,
  stamp: document.getElementById("stamp").value,
}), () => confirmStep("审核通过", data.kind === "FinalAccountsDisclosure"
  ? "审核通过后审核意见记入审计记录、不可更改，之后应在公开期限内公开。"
  : `审核通过后评定等级（${document.querySelector('input[name="grade"]:checked')?.value ?? "—"}）与审核意见记入审计记录、不可更改。`));
run("publish", () => command("publish", {
  indexNumber: document.getElementById("index-number").value,
  publisher: document.getElementById("publisher").value,
  confidentialityReviewed: document.getElementById("confidentiality").checked,
  principalSigned: document.getElementById("principal").checked,
}), () => confirmStep("公开", "公开后全社会无需登录即可查看，不能撤下，只能以更正版本替换。"));
// A click before this point would have done nothing: until now the page's action buttons take no clicks.
document.body.classList.remove("actions-pending");

// ---- live: another person acted on this submission ----
watchSubmission(data.id);
/** The banner's colour says what happened: a return is red, a withdrawal amber, an approval or publication green, anything else blue. */
const bannerClass = type => type === "returned" ? "error-box" : type === "withdrawn" ? "warn-box" : type === "approved" || type === "published" ? "ok-box" : "info-box";
onNotification(n => {
  if (n.submissionId !== data.id || n.version <= version) return;
  // Never reload under someone's hands: say what happened and let them refresh.
  const editing = document.body.classList.contains("form-editing");
  document.getElementById("live-banner").replaceChildren(el("div", { class: bannerClass(n.type), role: "status" }, `${n.summary}　`,
    el("button", { id: "refresh", class: "small", onclick: () => location.reload() }, editing ? "刷新（未保存的修改将丢失）" : "刷新查看")));
});
