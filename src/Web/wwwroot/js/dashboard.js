import { api, el, stateNames, onNotification, showError } from "./app.js";

function bars(entries, names) {
  const max = Math.max(1, ...entries.map(([, n]) => n));
  return entries.map(([key, n]) => el("div", { class: "bar" },
    el("span", { style: "width:90px" }, names[key] ?? key),
    el("div", { class: "fill", style: `width:${Math.round(n / max * 240)}px`, role: "img", "aria-label": `${names[key] ?? key} ${n}` }),
    el("span", {}, n)));
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
    publication(stats);
    document.getElementById("d-states").replaceChildren(...bars(Object.entries(t.byState), stateNames));
    document.getElementById("d-grades").replaceChildren(...bars(Object.entries(t.byGrade), {}));
    document.querySelector("#d-units tbody").replaceChildren(...stats.byUnit.map(u => el("tr", {},
      el("td", {}, u.name), ...["Submitted", "InReview"].map(s => el("td", { class: "num" }, u.byState[s])),
      el("td", { class: `num ${u.overdue ? "sev-error" : ""}` }, u.overdue),
      ...["Returned", "Approved", "Published"].map(s => el("td", { class: "num" }, u.byState[s])),
      el("td", {}, ["优", "良", "中", "差"].map(g => u.byGrade[g]).join(" / ")))));
  } catch (e) { showError(null, e); }
}
document.getElementById("d-year").addEventListener("change", refresh);
// Notifications follow the read models: refresh once per burst.
let pending = null;
onNotification(() => { clearTimeout(pending); pending = setTimeout(refresh, 50); });
refresh();
