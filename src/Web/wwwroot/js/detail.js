import { api, el, showError, newCommandId, onNotification, watchSubmission, confirmDialog, stateNames, ApiError } from "./app.js";
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
const fieldInputs = {
  indexNumber: "index-number", publisher: "publisher", confidentialityReviewed: "confidentiality", principalSigned: "principal",
  reason: "return-reason-text", opinion: "opinion", overrideReason: "override-reason", discardReason: "discard-reason",
};

/**
 * What the page can tell is missing before "are you sure?" (the server's own rules, in its words): each beside its field and no
 * dialog, since a refusal after a confirmation is backwards. The server still decides.
 */
function requireFields(...checks) {
  const errors = checks.filter(([, , missing]) => missing()).map(([field, message]) => ({ field, message }));
  if (errors.length > 0) throw new ApiError(400, { title: errors.map(e => e.message).join("；"), errors });
}
const blank = id => !document.getElementById(id)?.value.trim();
/** The trusted suggestion a differing grade must give a reason against (none while the suggestion is 不可信). */
const suggestedGrade = data.score?.gradeCaveat ? null : data.score?.suggestedGrade ?? null;

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
      // a refusal naming its fields is said beside them; the block repeats it only when some field is not on the page
      const fields = e?.problem?.errors || [];
      if (fields.length === 0 || !fields.every(p => document.getElementById(fieldInputs[p.field]))) showError(errorBoxOf(button), e);
      else errorBoxOf(button).replaceChildren();
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
run("discard", () => command("discard", { reason: document.getElementById("discard-reason").value }), () => {
  requireFields(["discardReason", "请填写作废原因", () => blank("discard-reason")]);
  return confirmDialog({
    title: "确认作废？", message: "作废后报告不能再修改或提交，不再计入汇总审核表、统计和审核队列；它和作废原因保留在历史中，审计可查。", confirmText: "作废",
  });
});
run("save-declaration", () => {
  const amount = document.getElementById("declared-expenditure").value.replace(/[,，\s]/g, "");
  const count = document.getElementById("declared-count").value.trim();
  if (amount && !/^\d+(\.\d{1,2})?$/.test(amount)) throw new Error("项目支出总额须为以万元计的数字，至多两位小数");
  if (count && !/^\d+$/.test(count)) throw new Error("部门项目总个数须为整数");
  return command("content", {
    content: { summary: { unitProjectExpenditure: amount ? Number(amount) : null, unitProjectCount: count ? Number(count) : null, note: document.getElementById("declared-note").value.trim() || null } },
  }, "PUT");
});
run("claim", () => command("claim"));
run("release", () => command("release", { reason: document.getElementById("release-reason").value.trim() || null }));
// a 三级指标 row is named by its id: two rows may share a name; the server writes the row's label
run("comment", () => command("comments", { text: document.getElementById("comment-text").value, rowId: document.getElementById("comment-row").value || null }));
run("return", () => command("return", {
  reason: document.getElementById("return-reason-text").value,
  rowRemarks: [...document.querySelectorAll(".row-remark")].filter(i => i.value.trim()).map(i => ({ rowId: i.dataset.row, rowReference: i.dataset.rowLabel, remark: i.value })),
}), () => requireFields(["reason", "请填写退回原因", () => blank("return-reason-text")]) ?? confirmDialog({
  title: "确认退回修改？", message: "退回后本轮审核结束，退回原因与逐行意见记入审计记录、不可更改；单位修改后重新提交，进入下一轮。", confirmText: "退回修改",
}));
run("approve", () => command("approve", {
  // a 部门决算公开 package has no grade radios: it is approved without a grade
  grade: document.querySelector('input[name="grade"]:checked')?.value ?? null,
  overrideReason: document.getElementById("override-reason")?.value || null,
  opinion: document.getElementById("opinion").value,
  stamp: document.getElementById("stamp").value,
}), () => requireFields(
  ["overrideReason", `系统评定等级为「${suggestedGrade}」，改评为「${document.querySelector('input[name="grade"]:checked')?.value}」需填写理由`,
    () => suggestedGrade !== null && document.querySelector('input[name="grade"]:checked') && document.querySelector('input[name="grade"]:checked').value !== suggestedGrade && blank("override-reason")],
  ["opinion", "请填写审核意见", () => blank("opinion")],
) ?? confirmStep("审核通过", data.kind === "FinalAccountsDisclosure"
  ? "审核通过后审核意见记入审计记录、不可更改，之后应在公开期限内公开。"
  : `审核通过后评定等级（${document.querySelector('input[name="grade"]:checked')?.value ?? "—"}）与审核意见记入审计记录、不可更改。`));
run("publish", () => command("publish", {
  indexNumber: document.getElementById("index-number").value,
  publisher: document.getElementById("publisher").value,
  confidentialityReviewed: document.getElementById("confidentiality").checked,
  principalSigned: document.getElementById("principal").checked,
}), () => requireFields(
  ["indexNumber", "请填写索引号", () => blank("index-number")],
  ["publisher", "请填写发布机构", () => blank("publisher")],
  ["confidentialityReviewed", "公开前须完成保密审查", () => !document.getElementById("confidentiality").checked],
  ["principalSigned", "公开前须经主要负责人审签", () => !document.getElementById("principal").checked],
) ?? confirmStep("公开", "公开后全社会无需登录即可查看，不能撤下，只能以更正版本替换。"));
// A click before this point would have done nothing: until now the page's action buttons take no clicks.
document.body.classList.remove("actions-pending");

// ---- live: another person acted on this submission ----
watchSubmission(data.id);
/** The banner's colour says what happened: a return is red, a withdrawal amber, an approval or publication green, anything else blue. */
const bannerClass = type => type === "returned" ? "error-box" : type === "withdrawn" ? "warn-box" : type === "approved" || type === "published" ? "ok-box" : "info-box";
onNotification(n => {
  if (n.submissionId !== data.id || n.version <= version) return;
  // the status badge says where the report stands now; the rest of the page waits for the person's 刷新
  const badge = document.getElementById("state");
  if (badge && stateNames[n.state]) { badge.textContent = stateNames[n.state]; badge.className = `badge ${n.state}`; }
  // Never reload under someone's hands: say what happened and let them refresh.
  const editing = document.body.classList.contains("form-editing");
  document.getElementById("live-banner").replaceChildren(el("div", { class: bannerClass(n.type), role: "status" }, `${n.summary}　`,
    el("button", { id: "refresh", class: "small", onclick: () => location.reload() }, editing ? "刷新（未保存的修改将丢失）" : "刷新查看")));
});
