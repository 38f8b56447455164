import { api, el, money, stateNames, onNotification, showError } from "./app.js";

const gradeColors = { 优: "#15803d", 良: "#2563eb", 中: "#d97706", 差: "#b91c1c" };
const charts = new Map();

/**
 * One Apache ECharts chart on a canvas. Its tooltip is drawn on the canvas too (renderMode richText): the HTML tooltip
 * writes style attributes, which the Content-Security-Policy refuses. Screen readers get the aria-label and the
 * visually-hidden table next to each chart.
 */
function draw(id, label, option) {
  const box = document.getElementById(id);
  box.setAttribute("aria-label", label);
  let chart = charts.get(id);
  if (!chart) { chart = echarts.init(box, null, { renderer: "canvas" }); charts.set(id, chart); }
  chart.setOption({ animation: false, tooltip: { trigger: "item", renderMode: "richText" }, grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true }, ...option }, true);
}
window.addEventListener("resize", () => { for (const chart of charts.values()) chart.resize(); });

function bars(names, values, colors, horizontal = false) {
  // On a phone the category names turn so that each still shows.
  const narrow = window.innerWidth < 600 && !horizontal;
  const category = { type: "category", data: names, axisLabel: { interval: 0, rotate: narrow ? 35 : 0 } };
  const value = { type: "value", minInterval: 1 };
  return {
    grid: { left: narrow ? 36 : 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: horizontal ? value : category, yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [{ type: "bar", barMaxWidth: 36, data: values.map((v, i) => ({ value: v, itemStyle: { color: colors?.[i] ?? "#b91c1c" } })), label: { show: true, position: horizontal ? "right" : "top" } }],
  };
}

function table(id, rows) {
  document.querySelector(`#${id} tbody`).replaceChildren(...rows.map(([name, n]) => el("tr", {}, el("th", { scope: "row" }, name), el("td", { class: "num" }, n))));
}

function charted(stats) {
  const states = Object.entries(stats.total.byState).map(([k, n]) => [stateNames[k] ?? k, n]);
  draw("d-states-chart", `状态分布：${states.map(([s, n]) => `${s} ${n} 份`).join("，")}`, bars(states.map(s => s[0]), states.map(s => s[1]), states.map(() => "#1d4ed8")));
  table("d-states", states);

  const grades = ["优", "良", "中", "差"].map(g => [g, stats.total.byGrade[g] ?? 0]);
  draw("d-grades-chart", `等级分布：${grades.map(([g, n]) => `${g} ${n} 份`).join("，")}`, bars(grades.map(g => g[0]), grades.map(g => g[1]), grades.map(g => gradeColors[g[0]])));
  table("d-grades", grades);

  const overdue = stats.byUnit.filter(u => u.overdue > 0).map(u => [u.name, u.overdue]);
  const box = document.getElementById("d-overdue-chart");
  box.hidden = overdue.length === 0;
  document.getElementById("d-overdue-none").hidden = overdue.length > 0;
  if (overdue.length) draw("d-overdue-chart", `逾期未审：${overdue.map(([u, n]) => `${u} ${n} 份`).join("，")}`, bars(overdue.map(o => o[0]), overdue.map(o => o[1]), null, true));
  table("d-overdue", overdue);
}

/** 报送情况: every unit in scope, what it has submitted this year, 未报 where nothing, and the 汇总 coverage. */
function reporting(stats) {
  const units = stats.reporting;
  document.getElementById("d-reporting-year").textContent = `（${stats.reportingYear} 年度）`;
  document.getElementById("d-reporting-counts").replaceChildren(...[
    ["单位数", units.length, "d-reporting-total"],
    ["未报", units.filter(u => u.notReported).length, "d-reporting-not-reported"],
    ["四类报告齐全", units.filter(u => u.missing.length === 0).length, "d-reporting-complete"],
  ].map(([l, n, id]) => el("div", { class: "stat", id }, el("div", { class: "n" }, n), el("div", { class: "l" }, l))));
  const status = u => u.notReported ? el("span", { class: "badge not-reported" }, "未报")
    : u.missing.length === 0 ? el("span", { class: "badge complete" }, "齐全")
      : [el("span", { class: "badge partial" }, "部分报送"), el("div", { class: "reporting-missing" }, `未报：${u.missing.join("、")}`)];
  document.querySelector("#d-reporting-units tbody").replaceChildren(...(units.length ? units.map(u => el("tr", { "data-unit": u.unitId, class: u.notReported ? "not-reported" : "" },
    el("td", {}, u.unitName), el("td", {}, u.sectionName ?? "—"),
    ...[u.projectForms, u.departmentReports, u.disclosures, u.summaries].map(n => el("td", { class: "num" }, n)),
    el("td", { class: "num", title: u.coveragePercent == null ? "未报汇总审核表或未填项目支出总额" : `${money(u.selfEvaluatedExecuted)} ÷ ${money(u.unitProjectExpenditure)} 万元` },
      u.coveragePercent == null ? "—" : `${money(u.coveragePercent)}%`),
    el("td", {}, status(u)))) : [el("tr", {}, el("td", { colspan: 8, class: "muted" }, "您负责的范围内没有预算单位"))]));
}

/** 部门决算公开 packages against their deadline (批复日期 + 20 天): counts, then the overdue and the nearly due, each linked. */
function publication(stats) {
  document.getElementById("d-publication-counts").replaceChildren(...[
    ["逾期未公开", stats.publicationOverdue.length, "d-publication-overdue-count"],
    ["5 日内到期", stats.publicationDueSoon.length, "d-publication-due-soon-count"],
    ["未填写批复日期", stats.publicationUndated, "d-publication-undated-count"],
  ].map(([l, n, id]) => el("div", { class: "stat", id }, el("div", { class: "n" }, n), el("div", { class: "l" }, l))));
  const item = d => el("li", { "data-id": d.id }, el("a", { href: `/submissions/${d.id}` }, `${d.unitName}「${d.title}」`), " ",
    el("span", { class: `deadline-text deadline-${d.standing.toLowerCase()}` }, d.text), el("span", { class: "muted" }, ` · 批复日期 ${d.budgetApprovedOn} · ${stateNames[d.state]}`));
  const fill = (id, list) => document.getElementById(id).replaceChildren(...(list.length ? list.map(item) : [el("li", { class: "muted" }, "无")]));
  fill("d-publication-overdue", stats.publicationOverdue);
  fill("d-publication-due-soon", stats.publicationDueSoon);
}

async function refresh() {
  const year = document.getElementById("d-year").value;
  try {
    const stats = await api("GET", `/api/statistics${year ? `?year=${year}` : ""}`);
    const t = stats.total;
    document.getElementById("d-counts").replaceChildren(...[
      ["待审核", t.byState.Submitted], ["审核中", t.byState.InReview], ["逾期未审", t.overdue], ["已公开", t.byState.Published],
    ].map(([l, n]) => el("div", { class: "stat" }, el("div", { class: "n" }, n), el("div", { class: "l" }, l))));
    charted(stats);
    reporting(stats);
    publication(stats);
    const units = stats.byUnit.map(u => el("tr", {},
      el("td", {}, u.name), ...["Submitted", "InReview"].map(s => el("td", { class: "num" }, u.byState[s])),
      el("td", { class: `num ${u.overdue ? "sev-error" : ""}` }, u.overdue),
      ...["Returned", "Approved", "Published"].map(s => el("td", { class: "num" }, u.byState[s])),
      el("td", {}, ["优", "良", "中", "差"].map(g => u.byGrade[g]).join(" / "))));
    document.querySelector("#d-units tbody").replaceChildren(...(units.length ? units
      : [el("tr", {}, el("td", { colspan: 8, class: "muted" }, year ? `暂无数据：${year} 年度没有已报送的报告。` : "暂无数据：还没有已报送的报告。"))]));
  } catch (e) { showError(null, e); }
}
document.getElementById("d-year").addEventListener("change", refresh);
// Notifications follow the read models: refresh once per burst.
let pending = null;
onNotification(() => { clearTimeout(pending); pending = setTimeout(refresh, 50); });
refresh();
