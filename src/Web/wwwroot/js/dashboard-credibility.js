// The dashboard's 自评质量 section: per section and per unit, how many sent 自评表 carry flags (GET /api/statistics/credibility).
import { api, el, onNotification, showError } from "./app.js";

const yearInput = document.getElementById("d-year");

function rows(id, groups) {
  const body = document.querySelector(`#${id} tbody`);
  body.replaceChildren(...groups.map(g => el("tr", { "data-key": g.key },
    el("th", { scope: "row" }, g.name),
    el("td", { class: "num" }, g.forms),
    el("td", { class: "num flagged" }, g.flaggedForms),
    el("td", { class: `num needs-attention ${g.needsAttention ? "sev-warning" : ""}` }, g.needsAttention),
    el("td", { class: `num many-doubts ${g.manyDoubts ? "sev-error" : ""}` }, g.manyDoubts),
    el("td", { class: "num" }, g.flags))));
  if (groups.length === 0) body.append(el("tr", { class: "empty-row" }, el("td", { colspan: 6, class: "muted" }, "暂无数据：没有已报送的自评表。")));
}

async function refresh() {
  const year = yearInput?.value;
  try {
    const stats = await api("GET", `/api/statistics/credibility${year ? `?year=${encodeURIComponent(year)}` : ""}`);
    document.getElementById("d-credibility-year").textContent = stats.year ? `（${stats.year} 年度）` : "（全部年度）";
    const t = stats.total;
    document.getElementById("d-credibility-counts").replaceChildren(...[
      ["已报送自评表", t.forms, "credibility-forms"], ["有提示", t.flaggedForms, "credibility-flagged"],
      ["需关注", t.needsAttention, "credibility-attention"], ["疑点较多", t.manyDoubts, "credibility-doubts"],
    ].map(([label, n, id]) => el("div", { class: "stat", id }, el("div", { class: "n" }, n), el("div", { class: "l" }, label))));
    rows("d-credibility-sections", stats.bySection);
    rows("d-credibility-units", stats.byUnit);
  } catch (e) {
    for (const id of ["d-credibility-sections", "d-credibility-units"]) {
      document.querySelector(`#${id} tbody`).replaceChildren(el("tr", { class: "empty-row" }, el("td", { colspan: 6, class: "muted" }, "暂无数据：统计未能加载。")));
    }
    showError(null, e);
  }
}

yearInput?.addEventListener("change", refresh);
let pending = null;
onNotification(() => { clearTimeout(pending); pending = setTimeout(refresh, 200); });
refresh();
