// The 自评表's edit mode as tables on the official sheet: header, 项目资金, 年度总体目标, indicators (add, move, delete),
// 总分 and 评价等级, with numbers validated at the field and running subtotals. Every control's label names its row and
// column in Chinese. State is a plain object, so that it can be kept in the browser and restored.
import { el } from "./app.js";

const natures = ["", "≥", "≤", "=", "定性"];

/** A number as typed ("1,002.25", "97.7%") or null when blank; NaN when it is not a number at all. */
export function parseNumber(value) {
  if (value === null || value === undefined) return null;
  const text = String(value).replace(/[,，\s]/g, "").replace(/[%％]$/, "");
  if (text === "") return null;
  return /^[-+]?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
}

const fmt = n => (Math.round(n * 100) / 100).toFixed(2);

function options(names, selected, blank) {
  const all = names.includes(selected) || !selected ? names : [...names, selected];
  return all.map(name => el("option", { value: name, selected: name === selected }, name || blank));
}

/** The editable state of a form as filed (what is kept in the browser). */
function stateOf(form) {
  return {
    header: { ...form.header },
    goal: { ...(form.goal || { expected: "", actual: "" }) },
    funds: { ...form.funds, total: { ...form.funds.total }, subRows: (form.funds.subRows || []).map(r => ({ ...r })) },
    rows: form.indicators.map(i => ({ ...i })),
    foot: { statedWeightTotal: form.statedWeightTotal, statedTotal: form.statedTotal, statedGrade: form.statedGrade || "" },
  };
}

/** A cell of the editor; its column's name stands above its control where the tables stack (a phone). */
const cell = (column, control, attrs = {}) => el("td", { "data-label": column, ...attrs }, control);

/** `remarks`: the reviewers' 逐行意见 ({ round, rowId, rowReference, remark }), shown under the rows they are about. */
export function buildEditor(form, levelOnes, onChange, restored, remarks = []) {
  const state = restored ? structuredClone(restored) : stateOf(form);
  const { header, goal, funds, rows, foot } = state;
  const numericFields = [];
  let rowFields = [];
  let changed = () => {};

  /** An input bound to obj[key]; numeric ones say at the field when what was typed is not a number. */
  function field(obj, key, label, attrs = {}, numeric = false) {
    const multiline = attrs.multiline;
    delete attrs.multiline;
    const control = el(multiline ? "textarea" : "input", { "aria-label": label, ...(numeric ? { inputmode: "decimal", class: "numeric" } : {}), ...attrs });
    control.value = obj[key] ?? "";
    const message = el("div", { class: "field-error", role: "alert" });
    const validate = () => {
      const bad = Number.isNaN(parseNumber(control.value));
      control.setAttribute("aria-invalid", bad ? "true" : "false");
      message.textContent = bad ? `「${label}」须为数字` : "";
      return !bad;
    };
    control.addEventListener("input", () => {
      obj[key] = control.value;
      if (numeric) validate();
      changed();
    });
    const wrapper = el("div", { class: "field" }, control, numeric ? message : null);
    wrapper.validate = numeric ? validate : () => true;
    if (numeric && Number.isNaN(parseNumber(control.value))) validate(); // a restored draft may hold what was refused
    return wrapper;
  }
  const numeric = (obj, key, label, attrs = {}) => { const f = field(obj, key, label, attrs, true); numericFields.push(f); return f; };
  const rowNumeric = (obj, key, label, attrs = {}) => { const f = field(obj, key, label, attrs, true); rowFields.push(f); return f; };

  const headTable = el("table", { class: "paper editor-table", id: "header-editor" }, el("tbody", {},
    el("tr", {}, el("th", { scope: "row" }, "项目名称"), el("td", { colspan: 3 }, field(header, "projectName", "项目名称", { id: "f-project", maxlength: 200 }))),
    el("tr", {}, el("th", { scope: "row" }, "主管部门"), el("td", {}, field(header, "supervisingDepartment", "主管部门", { id: "f-department", maxlength: 200 })),
      el("th", { scope: "row" }, "实施单位"), el("td", {}, field(header, "implementingUnit", "实施单位", { id: "f-implementing", maxlength: 200 }))),
    el("tr", {}, el("th", { scope: "row" }, "年度总体目标 · 预期目标"), el("td", {}, field(goal, "expected", "年度总体目标 预期目标", { id: "f-goal-expected", multiline: true, maxlength: 5000 })),
      el("th", { scope: "row" }, "实际完成情况"), el("td", {}, field(goal, "actual", "年度总体目标 实际完成情况", { id: "f-goal-actual", multiline: true, maxlength: 5000 })))));

  const fundLine = (line, label, withScore) => el("tr", {}, el("th", { scope: "row", class: "row-name" }, label),
    cell("年初预算数", numeric(line, "initialBudget", `${label} 年初预算数`, withScore ? { id: "f-initial" } : {})),
    cell("全年预算数", numeric(line, "fullYearBudget", `${label} 全年预算数`, withScore ? { id: "f-budget" } : {})),
    cell("全年执行数", numeric(line, "executed", `${label} 全年执行数`, withScore ? { id: "f-executed" } : {})),
    withScore ? cell("预算执行 分值", numeric(funds, "weight", "预算执行 分值", { id: "f-weight" })) : el("td", { class: "blank" }),
    withScore ? cell("预算执行 得分", numeric(funds, "statedScore", "预算执行 得分", { id: "f-score" })) : el("td", { class: "blank" }));
  const fundsTable = el("table", { class: "paper editor-table", id: "funds-editor" },
    el("thead", {}, el("tr", {}, ...["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "得分"].map(h => el("th", { scope: "col" }, h)))),
    el("tbody", {}, fundLine(funds.total, funds.total.name || "年度资金总额", true), ...funds.subRows.map(r => fundLine(r, `其中：${r.name}`, false))));

  const body = el("tbody");
  const columns = ["一级指标", "二级指标", "三级指标", "指标性质", "度量单位", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施", "操作"];
  const table = el("table", { class: "paper editor-table", id: "indicator-editor" },
    el("thead", {}, el("tr", {}, ...columns.map(h => el("th", { scope: "col" }, h)))),
    body);

  function draw() {
    rowFields = [];
    body.replaceChildren(...rows.map((row, index) => {
      const label = name => `第 ${index + 1} 行 ${name}`;
      const levelTwo = el("select", { "data-field": "levelTwo", "aria-label": label("二级指标") }, options(levelOnes[row.levelOne] || [], row.levelTwo));
      const levelOne = el("select", { "data-field": "levelOne", "aria-label": label("一级指标"), onchange: e => { row.levelOne = e.target.value; row.levelTwo = (levelOnes[row.levelOne] || [""])[0]; draw(); } }, options(Object.keys(levelOnes), row.levelOne));
      levelTwo.addEventListener("change", e => { row.levelTwo = e.target.value; changed(); });
      const nature = el("select", { "data-field": "nature", "aria-label": label("指标性质"), onchange: e => { row.nature = e.target.value || null; changed(); } },
        natures.map(n => el("option", { value: n, selected: (row.nature || "") === n }, n || "（按指标值）")));
      const move = (to, text, name) => el("button", { type: "button", class: "small secondary", title: text, "aria-label": label(text), onclick: () => { if (to >= 0 && to < rows.length) { [rows[to], rows[index]] = [rows[index], rows[to]]; draw(); } } }, name);
      const line = el("tr", { "data-index": index, "data-row-id": row.id ?? "", id: `edit-row-${index + 1}` },
        cell("一级指标", levelOne), cell("二级指标", levelTwo),
        cell("三级指标", field(row, "name", label("三级指标"), { "data-field": "name", multiline: true, maxlength: 500 }), { class: "wide" }),
        cell("指标性质", nature),
        cell("度量单位", field(row, "unit", label("度量单位"), { "data-field": "unit", maxlength: 20 })),
        cell("年度指标值", field(row, "target", label("年度指标值"), { "data-field": "target", multiline: true, maxlength: 2000 }), { class: "wide" }),
        cell("实际完成值", field(row, "actual", label("实际完成值"), { "data-field": "actual", multiline: true, maxlength: 2000 }), { class: "wide" }),
        cell("分值", rowNumeric(row, "weight", label("分值"), { "data-field": "weight" })),
        cell("得分", rowNumeric(row, "statedScore", label("得分"), { "data-field": "statedScore" })),
        cell("偏差原因分析及改进措施", field(row, "deviation", label("偏差原因分析及改进措施"), { "data-field": "deviation", multiline: true, maxlength: 5000 }), { class: "wide" }),
        el("td", { class: "no-print row-buttons" }, el("span", { class: "row-number" }, `第 ${index + 1} 行`), move(index - 1, "上移", "↑"), move(index + 1, "下移", "↓"),
          el("button", { type: "button", class: "small secondary", title: "删除", "aria-label": label("删除"), onclick: () => { rows.splice(index, 1); draw(); } }, "删除")));
      // the reviewer's 逐行意见 on this row (by its id; a remark from before rows had ids, by its name) right under it
      const said = remarks.filter(r => r.rowId ? r.rowId === row.id : r.rowReference === row.name);
      return said.length === 0 ? [line] : [line, el("tr", { class: "editor-remark-row" }, el("td", { colspan: columns.length },
        said.map(r => el("div", { class: "editor-remark remark", role: "note" }, `审核意见（第 ${r.round} 轮）：${r.remark}`))))];
    }).flat());
    changed();
  }

  // 总分 row: what the form prints, with the running sums (per 一级指标 and in all) beside it, so that a wrong total is
  // seen while typing.
  const sums = el("div", { id: "running-sums", class: "muted", "aria-live": "polite" });
  const grade = el("select", { id: "f-grade", "aria-label": "主管部门（单位）评价等级", onchange: e => { foot.statedGrade = e.target.value; changed(); } },
    ["", "优", "良", "中", "差"].map(g => el("option", { value: g, selected: foot.statedGrade === g }, g || "（未评）")));
  const useSums = el("button", { class: "small secondary", id: "use-sums", type: "button" }, "按合计填入");
  const footTable = el("table", { class: "paper editor-table", id: "total-editor" }, el("tbody", {},
    el("tr", {}, el("th", { scope: "row" }, "总分 · 分值"), el("td", {}, numeric(foot, "statedWeightTotal", "总分 分值", { id: "f-weight-total" })),
      el("th", { scope: "row" }, "总分 · 得分"), el("td", {}, numeric(foot, "statedTotal", "总分 得分", { id: "f-total" })),
      el("th", { scope: "row" }, "主管部门（单位）评价等级"), el("td", {}, grade)),
    el("tr", {}, el("td", { colspan: 6 }, sums, useSums))));

  const sum = values => values.map(parseNumber).filter(v => v !== null && !Number.isNaN(v)).reduce((a, b) => a + b, 0);
  const totals = () => ({ weight: sum([funds.weight, ...rows.map(r => r.weight)]), score: sum([funds.statedScore, ...rows.map(r => r.statedScore)]) });
  function showSums() {
    const t = totals();
    const stated = k => parseNumber(foot[k]);
    const weightOff = stated("statedWeightTotal") !== null && Math.abs(stated("statedWeightTotal") - t.weight) > 0.001;
    const scoreOff = stated("statedTotal") !== null && Math.abs(stated("statedTotal") - t.score) > 0.001;
    const levels = [...new Set(rows.map(r => r.levelOne))].map(level => {
      const of = rows.filter(r => r.levelOne === level);
      return `${level} 分值 ${fmt(sum(of.map(r => r.weight)))} · 得分 ${fmt(sum(of.map(r => r.statedScore)))}`;
    });
    sums.replaceChildren(
      el("div", {}, `分值合计（含预算执行）${fmt(t.weight)}${weightOff ? "（与总分分值不一致）" : ""} · 得分合计 ${fmt(t.score)}${scoreOff ? "（与总分得分不一致）" : ""}`),
      el("div", { class: "level-sums" }, `预算执行 分值 ${fmt(sum([funds.weight]))} · 得分 ${fmt(sum([funds.statedScore]))}；${levels.join("；")}`));
    sums.className = weightOff || scoreOff ? "sev-warning" : "muted";
  }
  useSums.addEventListener("click", () => {
    const t = totals();
    foot.statedWeightTotal = fmt(t.weight).replace(/\.00$/, "");
    foot.statedTotal = fmt(t.score);
    footTable.querySelector("#f-weight-total").value = foot.statedWeightTotal;
    footTable.querySelector("#f-total").value = foot.statedTotal;
    changed();
  });
  draw();

  const add = el("button", { class: "secondary", id: "add-row", type: "button", onclick: () => { rows.push({ levelOne: "产出", levelTwo: "数量", name: "", target: "", actual: "", weight: "", statedScore: "", deviation: "", nature: null, unit: null }); draw(); } }, "添加指标");
  const scroll = inner => el("div", { class: "table-scroll", tabindex: 0, role: "region", "aria-label": `${inner.querySelector("th")?.textContent ?? "表格"}（可左右滑动）` }, inner);
  const element = el("div", { id: "form-edit", class: "form-edit" },
    el("p", { class: "muted" }, "金额单位：万元。保存后系统按模板重新计分，并列出每一处问题及其所在行。"),
    scroll(headTable), el("h3", {}, "项目资金"), scroll(fundsTable), el("h3", {}, "绩效指标"), scroll(table),
    el("div", { class: "actions" }, add),
    el("h3", {}, "总分与评价等级"), scroll(footTable));

  changed = () => { showSums(); onChange(); };
  showSums();

  /** Null when the edits can be saved, else why not (the first wrong figure gets the focus). */
  function validate() {
    const invalid = [...numericFields, ...rowFields].filter(f => !f.validate());
    if (invalid.length > 0) { invalid[0].querySelector("input,textarea")?.focus(); return `有 ${invalid.length} 处数字无法识别，请按提示修改`; }
    const bad = rows.find(r => !String(r.name ?? "").trim() || parseNumber(r.weight) === null);
    return bad ? `每个指标都需要名称和分值${bad.name ? "（" + bad.name + "）" : ""}` : null;
  }

  /** The submission's content as PUT …/content expects it. */
  const content = () => contentOf(form, state);
  const snapshot = JSON.stringify(contentOf(form, stateOf(form)));
  /** Differs from what was saved: another content, or a figure that is not one yet. */
  const dirty = () => JSON.stringify(content()) !== snapshot || [...numericFields, ...rowFields].some(f => f.querySelector("[aria-invalid=true]"));

  return { state, element, dirty, validate, content };
}

/** Whether the 全年预算数 and 全年执行数 are still the ones the form was filed with. */
function sameFigures(filed, edited) {
  const same = (a, b) => (a === null || a === undefined ? null : Number(a)) === parseNumber(b);
  return !!filed && same(filed.fullYearBudget, edited.fullYearBudget) && same(filed.executed, edited.executed);
}

function contentOf(form, { header, goal, funds, rows, foot }) {
  const text = v => (v === undefined || v === null || String(v).trim() === "") ? null : String(v);
  const line = l => ({ ...l, initialBudget: parseNumber(l.initialBudget), fullYearBudget: parseNumber(l.fullYearBudget), executed: parseNumber(l.executed) });
  return {
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
        // the 执行率 the form printed stands while the figures it was printed from do; changed figures make it the engine's to say
        ...(sameFigures(form.funds?.total, funds.total)
          ? { statedRatePercent: form.funds.statedRatePercent ?? null, statedRateText: form.funds.statedRateText ?? null }
          : { statedRatePercent: null, statedRateText: null }),
      },
      indicators: rows.map(r => ({ ...r, weight: parseNumber(r.weight), statedScore: parseNumber(r.statedScore), deviation: text(r.deviation), nature: text(r.nature), unit: text(r.unit) })),
      statedWeightTotal: parseNumber(foot.statedWeightTotal),
      statedTotal: parseNumber(foot.statedTotal),
      statedGrade: text(foot.statedGrade),
    },
  };
}
