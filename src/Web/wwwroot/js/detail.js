import { api, el, showError, newCommandId, onNotification, watchSubmission } from "./app.js";

const data = JSON.parse(document.getElementById("submission-data").textContent);
const base = `/api/submissions/${data.id}`;
let version = data.version;
let editing = false;

async function command(action, body = {}, method = "POST") {
  const result = await api(method, `${base}/${action}`, { commandId: newCommandId(), version, ...body });
  version = result.version;
  return result;
}

function run(buttonId, work) {
  const button = document.getElementById(buttonId);
  button?.addEventListener("click", async () => {
    button.disabled = true;
    try {
      await work();
      location.reload();
    } catch (e) {
      showError("action-result", e);
      button.disabled = false;
    }
  });
}

// ---- the preparer's editor: the 自评表 as an editable table ----
const editor = document.getElementById("editor");
const form = data.content?.projectForm;
if (editor && form) renderEditor();

function levelOptions(selected) {
  return Object.keys(data.levelOnes).map(name => el("option", { value: name, selected: name === selected }, name));
}

function levelTwoOptions(levelOne, selected) {
  const names = data.levelOnes[levelOne] || [];
  const all = names.includes(selected) || !selected ? names : [...names, selected];
  return all.map(name => el("option", { value: name, selected: name === selected }, name));
}

function input(value, attrs = {}) {
  return el("input", { value: value ?? "", ...attrs });
}

function renderEditor() {
  editing = true;
  const rows = form.indicators.map(i => ({ ...i }));
  const total = form.funds.total;
  const fundsTable = el("table", { id: "funds-editor" },
    el("thead", {}, el("tr", {}, el("th", {}, "资金"), el("th", { class: "num" }, "年初预算数"), el("th", { class: "num" }, "全年预算数"), el("th", { class: "num" }, "全年执行数"), el("th", { class: "num" }, "分值"), el("th", { class: "num" }, "填报得分"))),
    el("tbody", {}, el("tr", {}, el("td", {}, total.name),
      el("td", {}, input(total.initialBudget, { id: "f-initial", inputmode: "decimal" })),
      el("td", {}, input(total.fullYearBudget, { id: "f-budget", inputmode: "decimal" })),
      el("td", {}, input(total.executed, { id: "f-executed", inputmode: "decimal" })),
      el("td", {}, input(form.funds.weight, { id: "f-weight", inputmode: "decimal" })),
      el("td", {}, input(form.funds.statedScore, { id: "f-score", inputmode: "decimal" })))));

  const body = el("tbody");
  const table = el("table", { id: "indicator-editor" },
    el("thead", {}, el("tr", {}, ...["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施", ""].map(h => el("th", {}, h)))),
    body);

  function draw() {
    body.replaceChildren(...rows.map((row, index) => {
      const levelTwo = el("select", { "data-field": "levelTwo", "aria-label": "二级指标" }, levelTwoOptions(row.levelOne, row.levelTwo));
      const levelOne = el("select", { "data-field": "levelOne", "aria-label": "一级指标", onchange: e => { row.levelOne = e.target.value; row.levelTwo = (data.levelOnes[row.levelOne] || [""])[0]; draw(); } }, levelOptions(row.levelOne));
      levelTwo.addEventListener("change", e => row.levelTwo = e.target.value);
      const field = (name, attrs = {}) => input(row[name], { "data-field": name, "aria-label": name, oninput: e => row[name] = e.target.value, ...attrs });
      return el("tr", { "data-index": index },
        el("td", {}, levelOne), el("td", {}, levelTwo),
        el("td", {}, field("name")), el("td", {}, field("target")), el("td", {}, field("actual")),
        el("td", {}, field("weight", { inputmode: "decimal", style: "width:70px" })),
        el("td", {}, field("statedScore", { inputmode: "decimal", style: "width:70px" })),
        el("td", {}, field("deviation")),
        el("td", { class: "no-print" },
          el("button", { class: "small secondary", title: "上移", onclick: () => { if (index > 0) { [rows[index - 1], rows[index]] = [rows[index], rows[index - 1]]; draw(); } } }, "↑"),
          el("button", { class: "small secondary", title: "下移", onclick: () => { if (index < rows.length - 1) { [rows[index + 1], rows[index]] = [rows[index], rows[index + 1]]; draw(); } } }, "↓"),
          el("button", { class: "small secondary", title: "删除", onclick: () => { rows.splice(index, 1); draw(); } }, "删除")));
    }));
  }
  draw();

  const add = el("button", { class: "secondary", id: "add-row", onclick: () => { rows.push({ levelOne: "产出", levelTwo: "数量", name: "", target: "", actual: "", weight: "", statedScore: "", deviation: "" }); draw(); } }, "添加指标");
  const save = el("button", { id: "save" }, "保存并评分");
  const result = el("div", { id: "save-result" });
  const totalInput = input(form.statedTotal, { id: "f-total", inputmode: "decimal" });

  save.addEventListener("click", async () => {
    save.disabled = true;
    try {
      const number = v => v === "" || v === null || v === undefined ? null : Number(String(v).replace(/,/g, ""));
      const bad = rows.find(r => r.name.trim() === "" || r.weight === "" || isNaN(number(r.weight)));
      if (bad) throw new Error(`每个指标都需要名称和数值分值${bad.name ? "（" + bad.name + "）" : ""}`);
      const content = {
        projectForm: {
          ...form,
          funds: {
            ...form.funds,
            total: { ...total, initialBudget: number(document.getElementById("f-initial").value), fullYearBudget: number(document.getElementById("f-budget").value), executed: number(document.getElementById("f-executed").value) },
            weight: number(document.getElementById("f-weight").value) ?? 10,
            statedScore: number(document.getElementById("f-score").value),
            statedRatePercent: null, statedRateText: null,
          },
          indicators: rows.map(r => ({ ...r, weight: number(r.weight), statedScore: number(r.statedScore), deviation: r.deviation || null })),
          statedTotal: number(totalInput.value),
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
    el("h2", { style: "margin-top:0" }, "编辑自评表"),
    el("p", { class: "muted" }, "金额单位万元；保存后系统按模板重新计分，并列出每一处问题及其所在行。"),
    fundsTable, el("br"), table,
    el("div", { class: "actions" }, add, el("label", { for: "f-total", style: "margin:0 0 0 16px" }, "总分（填报）"), totalInput, save),
    result);
}

// ---- actions ----
run("score", () => command("score"));
run("submit", () => command("submit"));
run("withdraw", () => command("withdraw", { reason: "撤回修改" }));
run("claim", () => command("claim"));
run("comment", () => command("comments", { text: document.getElementById("comment-text").value, row: document.getElementById("comment-row").value || null }));
run("return", () => command("return", {
  reason: document.getElementById("return-reason-text").value,
  rowRemarks: [...document.querySelectorAll(".row-remark")].filter(i => i.value.trim()).map(i => ({ rowReference: i.dataset.row, remark: i.value })),
}));
run("approve", () => command("approve", {
  grade: document.querySelector('input[name="grade"]:checked')?.value,
  overrideReason: document.getElementById("override-reason").value || null,
  opinion: document.getElementById("opinion").value,
  signature: document.getElementById("signature").value,
  stamp: document.getElementById("stamp").value,
}));
run("publish", () => command("publish", {
  indexNumber: document.getElementById("index-number").value,
  publisher: document.getElementById("publisher").value,
  confidentialityReviewed: document.getElementById("confidentiality").checked,
  principalSigned: document.getElementById("principal").checked,
}));

// ---- live: another person acted on this submission ----
watchSubmission(data.id);
onNotification(n => {
  if (n.submissionId !== data.id || n.version <= version) return;
  // Never reload under someone's hands: say what happened and let them refresh.
  document.getElementById("live-banner").replaceChildren(el("div", { class: "ok-box", role: "status" }, `${n.summary}　`,
    el("button", { id: "refresh", class: "small", onclick: () => location.reload() }, editing ? "刷新（未保存的修改将丢失）" : "刷新查看")));
});
