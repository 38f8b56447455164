import { api, el, showError, newCommandId, onNotification, watchSubmission, confirmDialog } from "./app.js";

const data = JSON.parse(document.getElementById("submission-data").textContent);
const base = `/api/submissions/${data.id}`;
let version = data.version;
let editing = false;

async function command(action, body = {}, method = "POST") {
  const result = await api(method, `${base}/${action}`, { commandId: newCommandId(), version, ...body });
  version = result.version;
  return result;
}


// ---- the preparer's editor: the whole 自评表 — header, funds, goal, indicators, 总分 row and 评价等级 ----
const editor = document.getElementById("editor");
const form = data.content?.projectForm;

function levelOptions(selected) {
  const names = Object.keys(data.levelOnes);
  const all = names.includes(selected) || !selected ? names : [...names, selected];
  return all.map(name => el("option", { value: name, selected: name === selected }, name));
}

function levelTwoOptions(levelOne, selected) {
  const names = data.levelOnes[levelOne] || [];
  const all = names.includes(selected) || !selected ? names : [...names, selected];
  return all.map(name => el("option", { value: name, selected: name === selected }, name));
}

const natures = ["", "≥", "≤", "=", "定性"];

/** A number as typed ("1,002.25", "97.7%") or null when blank; NaN when it is not a number at all. */
function parseNumber(value) {
  if (value === null || value === undefined) return null;
  const text = String(value).replace(/[,，\s]/g, "").replace(/[%％]$/, "");
  if (text === "") return null;
  return /^[-+]?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
}

/** An input bound to obj[key]; numeric ones say at the field when what was typed is not a number. */
function field(obj, key, label, attrs = {}, numeric = false) {
  const multiline = attrs.multiline;
  delete attrs.multiline;
  const control = el(multiline ? "textarea" : "input", { "aria-label": label, ...(numeric ? { inputmode: "decimal", class: "numeric" } : {}), ...attrs });
  control.value = obj[key] ?? "";
  const message = el("div", { class: "field-error", role: "alert" });
  control.addEventListener("input", () => {
    obj[key] = control.value;
    if (numeric) validate();
    onChange();
  });
  function validate() {
    const bad = Number.isNaN(parseNumber(control.value));
    control.setAttribute("aria-invalid", bad ? "true" : "false");
    message.textContent = bad ? `「${label}」须为数字` : "";
    return !bad;
  }
  const wrapper = el("div", { class: "field" }, control, numeric ? message : null);
  wrapper.validate = numeric ? validate : () => true;
  return wrapper;
}

let onChange = () => {};

function renderEditor() {
  editing = true;
  const header = { ...form.header };
  const goal = { ...(form.goal || { expected: "", actual: "" }) };
  const funds = { ...form.funds, total: { ...form.funds.total }, subRows: (form.funds.subRows || []).map(r => ({ ...r })) };
  const rows = form.indicators.map(i => ({ ...i }));
  const foot = { statedWeightTotal: form.statedWeightTotal, statedTotal: form.statedTotal, statedGrade: form.statedGrade || "" };
  const numericFields = [];
  let rowFields = [];
  const numeric = (obj, key, label, attrs = {}) => { const f = field(obj, key, label, attrs, true); numericFields.push(f); return f; };
  const rowNumeric = (obj, key, label, attrs = {}) => { const f = field(obj, key, label, attrs, true); rowFields.push(f); return f; };

  const headTable = el("table", { class: "paper editor-table", id: "header-editor" }, el("tbody", {},
    el("tr", {}, el("th", {}, "项目名称"), el("td", { colspan: 3 }, field(header, "projectName", "项目名称", { id: "f-project", maxlength: 200 }))),
    el("tr", {}, el("th", {}, "主管部门"), el("td", {}, field(header, "supervisingDepartment", "主管部门", { id: "f-department", maxlength: 200 })),
      el("th", {}, "实施单位"), el("td", {}, field(header, "implementingUnit", "实施单位", { id: "f-implementing", maxlength: 200 }))),
    el("tr", {}, el("th", {}, "年度总体目标 · 预期目标"), el("td", {}, field(goal, "expected", "年度总体目标 预期目标", { id: "f-goal-expected", multiline: true, maxlength: 5000 })),
      el("th", {}, "实际完成情况"), el("td", {}, field(goal, "actual", "年度总体目标 实际完成情况", { id: "f-goal-actual", multiline: true, maxlength: 5000 })))));

  const fundLine = (line, label, withScore) => el("tr", {}, el("td", {}, label),
    el("td", {}, numeric(line, "initialBudget", `${label} 年初预算数`, withScore ? { id: "f-initial" } : {})),
    el("td", {}, numeric(line, "fullYearBudget", `${label} 全年预算数`, withScore ? { id: "f-budget" } : {})),
    el("td", {}, numeric(line, "executed", `${label} 全年执行数`, withScore ? { id: "f-executed" } : {})),
    el("td", {}, withScore ? numeric(funds, "weight", "预算执行分值", { id: "f-weight" }) : ""),
    el("td", {}, withScore ? numeric(funds, "statedScore", "预算执行得分", { id: "f-score" }) : ""));
  const fundsTable = el("table", { class: "paper editor-table", id: "funds-editor" },
    el("thead", {}, el("tr", {}, ...["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "得分"].map(h => el("th", {}, h)))),
    el("tbody", {}, fundLine(funds.total, funds.total.name || "年度资金总额", true), ...funds.subRows.map(r => fundLine(r, `其中：${r.name}`, false))));

  const body = el("tbody");
  const table = el("table", { class: "paper editor-table", id: "indicator-editor" },
    el("thead", {}, el("tr", {}, ...["一级指标", "二级指标", "三级指标", "指标性质", "度量单位", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施", ""].map(h => el("th", {}, h)))),
    body);

  function draw() {
    rowFields = [];
    body.replaceChildren(...rows.map((row, index) => {
      const levelTwo = el("select", { "data-field": "levelTwo", "aria-label": `第 ${index + 1} 行 二级指标` }, levelTwoOptions(row.levelOne, row.levelTwo));
      const levelOne = el("select", { "data-field": "levelOne", "aria-label": `第 ${index + 1} 行 一级指标`, onchange: e => { row.levelOne = e.target.value; row.levelTwo = (data.levelOnes[row.levelOne] || [""])[0]; draw(); } }, levelOptions(row.levelOne));
      levelTwo.addEventListener("change", e => row.levelTwo = e.target.value);
      const nature = el("select", { "data-field": "nature", "aria-label": `第 ${index + 1} 行 指标性质`, onchange: e => row.nature = e.target.value || null },
        natures.map(n => el("option", { value: n, selected: (row.nature || "") === n }, n || "（按指标值）")));
      const label = name => `第 ${index + 1} 行 ${name}`;
      return el("tr", { "data-index": index },
        el("td", {}, levelOne), el("td", {}, levelTwo),
        el("td", {}, field(row, "name", label("三级指标"), { "data-field": "name", multiline: true, maxlength: 500 })),
        el("td", {}, nature),
        el("td", {}, field(row, "unit", label("度量单位"), { "data-field": "unit", maxlength: 20 })),
        el("td", {}, field(row, "target", label("年度指标值"), { "data-field": "target", multiline: true, maxlength: 2000 })),
        el("td", {}, field(row, "actual", label("实际完成值"), { "data-field": "actual", multiline: true, maxlength: 2000 })),
        el("td", {}, rowNumeric(row, "weight", label("分值"), { "data-field": "weight" })),
        el("td", {}, rowNumeric(row, "statedScore", label("得分"), { "data-field": "statedScore" })),
        el("td", {}, field(row, "deviation", label("偏差原因分析及改进措施"), { "data-field": "deviation", multiline: true, maxlength: 5000 })),
        el("td", { class: "no-print row-buttons" },
          el("button", { class: "small secondary", title: "上移", "aria-label": label("上移"), onclick: () => { if (index > 0) { [rows[index - 1], rows[index]] = [rows[index], rows[index - 1]]; draw(); } } }, "↑"),
          el("button", { class: "small secondary", title: "下移", "aria-label": label("下移"), onclick: () => { if (index < rows.length - 1) { [rows[index + 1], rows[index]] = [rows[index], rows[index + 1]]; draw(); } } }, "↓"),
          el("button", { class: "small secondary", title: "删除", "aria-label": label("删除"), onclick: () => { rows.splice(index, 1); draw(); } }, "删除")));
    }));
    onChange();
  }

  // 总分 row: what the form prints, with the running sums beside it so a wrong total is seen while typing.
  const sums = el("span", { id: "running-sums", class: "muted", "aria-live": "polite" });
  const grade = el("select", { id: "f-grade", "aria-label": "主管部门（单位）评价等级", onchange: e => foot.statedGrade = e.target.value },
    ["", "优", "良", "中", "差"].map(g => el("option", { value: g, selected: foot.statedGrade === g }, g || "（未评）")));
  const useSums = el("button", { class: "small secondary", id: "use-sums", type: "button" }, "按合计填入");
  const footTable = el("table", { class: "paper editor-table", id: "total-editor" }, el("tbody", {},
    el("tr", {}, el("th", {}, "总分 · 分值"), el("td", {}, numeric(foot, "statedWeightTotal", "总分分值", { id: "f-weight-total" })),
      el("th", {}, "总分 · 得分"), el("td", {}, numeric(foot, "statedTotal", "总分得分", { id: "f-total" })),
      el("th", {}, "主管部门（单位）评价等级"), el("td", {}, grade)),
    el("tr", {}, el("td", { colspan: 6 }, sums, " ", useSums))));

  const totals = () => {
    const sum = values => values.map(parseNumber).filter(v => v !== null && !Number.isNaN(v)).reduce((a, b) => a + b, 0);
    return { weight: sum([funds.weight, ...rows.map(r => r.weight)]), score: sum([funds.statedScore, ...rows.map(r => r.statedScore)]) };
  };
  const fmt = n => (Math.round(n * 100) / 100).toFixed(2);
  onChange = () => {
    const t = totals();
    const weightOff = parseNumber(foot.statedWeightTotal) !== null && Math.abs(parseNumber(foot.statedWeightTotal) - t.weight) > 0.001;
    const scoreOff = parseNumber(foot.statedTotal) !== null && Math.abs(parseNumber(foot.statedTotal) - t.score) > 0.001;
    sums.replaceChildren(`分值合计（含预算执行）${fmt(t.weight)}${weightOff ? "（与总分分值不一致）" : ""} · 得分合计 ${fmt(t.score)}${scoreOff ? "（与总分得分不一致）" : ""}`);
    sums.className = weightOff || scoreOff ? "sev-warning" : "muted";
  };
  useSums.addEventListener("click", () => {
    const t = totals();
    foot.statedWeightTotal = fmt(t.weight).replace(/\.00$/, "");
    foot.statedTotal = fmt(t.score);
    document.getElementById("f-weight-total").value = foot.statedWeightTotal;
    document.getElementById("f-total").value = foot.statedTotal;
    onChange();
  });
  draw();

  const add = el("button", { class: "secondary", id: "add-row", type: "button", onclick: () => { rows.push({ levelOne: "产出", levelTwo: "数量", name: "", target: "", actual: "", weight: "", statedScore: "", deviation: "", nature: null, unit: null }); draw(); } }, "添加指标");
  const save = el("button", { id: "save" }, "保存并评分");
  const result = el("div", { id: "save-result" });

  save.addEventListener("click", async () => {
    save.disabled = true;
    try {
      const invalid = [...numericFields, ...rowFields].filter(f => !f.validate());
      if (invalid.length > 0) { invalid[0].querySelector("input,textarea")?.focus(); throw new Error(`有 ${invalid.length} 处数字无法识别，请按提示修改`); }
      const bad = rows.find(r => !String(r.name ?? "").trim() || parseNumber(r.weight) === null);
      if (bad) throw new Error(`每个指标都需要名称和分值${bad.name ? "（" + bad.name + "）" : ""}`);
      const text = v => (v === undefined || v === null || String(v).trim() === "") ? null : String(v);
      const line = l => ({ ...l, initialBudget: parseNumber(l.initialBudget), fullYearBudget: parseNumber(l.fullYearBudget), executed: parseNumber(l.executed) });
      const content = {
        projectForm: {
          ...form,
          header: { ...header, projectName: String(header.projectName ?? "").trim(), supervisingDepartment: text(header.supervisingDepartment), implementingUnit: text(header.implementingUnit) },
          goal: { expected: goal.expected ?? "", actual: goal.actual ?? "" },
          funds: {
            ...funds,
            total: line(funds.total),
            subRows: funds.subRows.map(line),
            weight: parseNumber(funds.weight) ?? 10,
            statedScore: parseNumber(funds.statedScore),
            statedRatePercent: null, statedRateText: null,
          },
          indicators: rows.map(r => ({ ...r, weight: parseNumber(r.weight), statedScore: parseNumber(r.statedScore), deviation: text(r.deviation), nature: text(r.nature), unit: text(r.unit) })),
          statedWeightTotal: parseNumber(foot.statedWeightTotal),
          statedTotal: parseNumber(foot.statedTotal),
          statedGrade: text(foot.statedGrade),
        },
      };
      await command("content", { content }, "PUT").catch(e => { if (e.status === 400 && e.problem?.code === "no-change") return; throw e; });
      await command("score");
      location.reload();
    } catch (e) {
      showError(result, e);
      save.disabled = false;
    }
  });

  editor.replaceChildren(
    el("h2", { class: "flush-top" }, "编辑自评表"),
    el("p", { class: "muted" }, "金额单位：万元。保存后系统按模板重新计分，并列出每一处问题及其所在行。"),
    headTable, el("h3", {}, "项目资金"), fundsTable, el("h3", {}, "绩效指标"), table,
    el("div", { class: "actions" }, add),
    el("h3", {}, "总分与评价等级"), footTable,
    el("div", { class: "actions" }, save), result);
}

if (editor && form) renderEditor();

// ---- actions ----
/** The errors of the current score, as a person reads them. */
const errors = (data.score?.findings || []).filter(f => f.severity === "Error").map(f => f.message);

/** Steps that cannot be undone ask first while the form still has errors, naming them. */
function confirmErrors(step, consequence) {
  if (errors.length === 0) return Promise.resolve(true);
  return confirmDialog({
    title: `${step}：表中仍有 ${errors.length} 处错误`,
    message: `${consequence}以下错误将随之保留：`,
    items: errors,
    confirmText: `仍然${step}`,
  });
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
      showError(button.closest(".action-block")?.querySelector(".action-error") || "action-result", e);
      showFieldProblems(e);
      button.disabled = false;
    }
  });
}

run("score", () => command("score"));
run("submit", () => command("submit"), () => confirmErrors("提交审核", "提交后在审核完成或撤回之前不能修改，"));
run("withdraw", () => command("withdraw", { reason: "撤回修改" }));
run("claim", () => command("claim"));
run("release", () => command("release", { reason: document.getElementById("release-reason").value.trim() || null }));
run("comment", () => command("comments", { text: document.getElementById("comment-text").value, row: document.getElementById("comment-row").value || null }));
run("return", () => command("return", {
  reason: document.getElementById("return-reason-text").value,
  rowRemarks: [...document.querySelectorAll(".row-remark")].filter(i => i.value.trim()).map(i => ({ rowReference: i.dataset.row, remark: i.value })),
}));
run("approve", () => command("approve", {
  // a 部门决算公开 package has no grade radios: it is approved without a grade
  grade: document.querySelector('input[name="grade"]:checked')?.value ?? null,
  overrideReason: document.getElementById("override-reason")?.value || null,
  opinion: document.getElementById("opinion").value,
  stamp: document.getElementById("stamp").value,
}), () => confirmErrors("审核通过", data.kind === "FinalAccountsDisclosure"
  ? "审核通过后审核意见记入审计记录、不可更改，之后应在公开期限内公开，"
  : "审核通过后评定等级与审核意见记入审计记录、不可更改，"));
run("publish", () => command("publish", {
  indexNumber: document.getElementById("index-number").value,
  publisher: document.getElementById("publisher").value,
  confidentialityReviewed: document.getElementById("confidentiality").checked,
  principalSigned: document.getElementById("principal").checked,
}), () => confirmErrors("公开", "公开后全社会可见，只能以更正版本替换，"));

// ---- live: another person acted on this submission ----
watchSubmission(data.id);
onNotification(n => {
  if (n.submissionId !== data.id || n.version <= version) return;
  // Never reload under someone's hands: say what happened and let them refresh.
  document.getElementById("live-banner").replaceChildren(el("div", { class: "ok-box", role: "status" }, `${n.summary}　`,
    el("button", { id: "refresh", class: "small", onclick: () => location.reload() }, editing ? "刷新（未保存的修改将丢失）" : "刷新查看")));
});
