import { api, el, stateNames, onNotification, showError } from "./app.js";

function bars(entries, names) {
  const max = Math.max(1, ...entries.map(([, n]) => n));
  return entries.map(([key, n]) => el("div", { class: "bar" },
    el("span", { style: "width:90px" }, names[key] ?? key),
    el("div", { class: "fill", style: `width:${Math.round(n / max * 240)}px`, role: "img", "aria-label": `${names[key] ?? key} ${n}` }),
    el("span", {}, n)));
}

async function refresh() {
  const year = document.getElementById("d-year").value;
  try {
    const stats = await api("GET", `/api/statistics${year ? `?year=${year}` : ""}`);
    const t = stats.total;
    document.getElementById("d-counts").replaceChildren(...[
      ["待审核", t.byState.Submitted], ["审核中", t.byState.InReview], ["逾期未审", t.overdue], ["已公开", t.byState.Published],
    ].map(([l, n]) => el("div", { class: "stat" }, el("div", { class: "n" }, n), el("div", { class: "l" }, l))));
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
