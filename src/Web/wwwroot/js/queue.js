import { api, el, money, dateTime, stateNames, kindNames, onNotification, showError } from "./app.js";

const body = document.querySelector("#queue tbody");
const ids = ["f-year", "f-unit", "f-state", "f-grade", "f-errors", "f-sort"];
let previous = new Set();
let page = 1;
const mineBox = document.getElementById("f-mine");

// The navigation's links (待审核, 审核中, 待公开) open the queue filtered: the filter shows it and the address keeps it.
const opened = new URLSearchParams(location.search);
const stateSelect = document.getElementById("f-state");
if ([...stateSelect.options].some(o => o.value === opened.get("state"))) stateSelect.value = opened.get("state");
if (mineBox) mineBox.checked = opened.get("mine") === "true";

function remember() {
  const shown = new URLSearchParams();
  if (stateSelect.value) shown.set("state", stateSelect.value);
  if (mineBox?.checked) shown.set("mine", "true");
  history.replaceState(null, "", shown.size ? `?${shown}` : location.pathname);
}

function waited(from) {
  if (!from) return "—";
  const hours = Math.floor((Date.now() - new Date(from)) / 36e5);
  return hours < 24 ? `${hours} 小时` : `${Math.floor(hours / 24)} 天`;
}

async function refresh() {
  const params = new URLSearchParams();
  const [year, unit, state, grade, errors, sort] = ids.map(id => document.getElementById(id).value);
  if (year) params.set("year", year);
  if (unit) params.set("unit", unit);
  if (state) params.set("state", state);
  if (grade) params.set("grade", grade);
  if (errors) params.set("hasErrors", errors);
  if (mineBox?.checked) params.set("mine", "true");
  params.set("sort", sort);
  params.set("page", page);
  try {
    const queue = await api("GET", `/api/review-queue?${params}`);
    const c = queue.counts;
    document.getElementById("counts").replaceChildren(...[
      ["待审核", c.submitted, "count-submitted"], ["审核中", c.inReview, "count-inreview"], ["逾期", c.overdue, "count-overdue"],
      ["已退回", c.returned, "count-returned"], ["已通过", c.approved, "count-approved"], ["已公开", c.published, "count-published"],
    ].map(([label, n, id]) => el("div", { class: "stat", id }, el("div", { class: "n" }, n), el("div", { class: "l" }, label))));
    const now = Date.now();
    const deadlines = new Map((queue.deadlines || []).map(d => [d.id, d]));
    // 委托: what the caller sees or holds only as a stand-in is marked with whom they act for
    const delegated = new Map((queue.delegated || []).map(d => [d.id, d.for]));
    body.replaceChildren(...queue.items.map(i => el("tr", { "data-id": i.id, class: previous.size && !previous.has(i.id) ? "fresh" : "" },
      el("td", {}, i.unitName),
      el("td", {}, el("a", { href: `/submissions/${i.id}` }, i.title), el("div", { class: "muted" }, kindNames[i.kind],
        // a 汇总 submission is read against the table it declares
        ...(i.kind === "SummaryReview" ? [" · ", el("a", { href: `/units/${encodeURIComponent(i.unitId)}/summary/${i.fiscalYear}`, class: "summary-table-link" }, "查看汇总审核表")] : []))),
      el("td", {}, i.fiscalYear),
      el("td", {}, el("span", { class: `badge ${i.state}` }, stateNames[i.state])),
      el("td", { class: "holder" }, i.claimedByName ?? "—",
        delegated.has(i.id) ? el("div", { class: "delegated-for badge" }, `代 ${delegated.get(i.id)}`) : null),
      el("td", { class: "num" }, money(i.total)),
      el("td", { class: "grade" }, i.grade ?? i.suggestedGrade ?? "—"),
      el("td", { class: `num ${i.errorCount ? "sev-error" : ""}` }, i.errorCount),
      el("td", {}, dateTime(i.submittedAt)),
      el("td", {}, waited(i.submittedAt)),
      el("td", {}, el("div", { class: i.dueAt && new Date(i.dueAt) < now ? "sev-error" : "" }, dateTime(i.dueAt)),
        // a 部门决算公开 package: its publication deadline (批复日期 + 20 天), from the server's clock
        deadlines.has(i.id) ? el("div", { class: `deadline deadline-${deadlines.get(i.id).standing.toLowerCase()} publication-deadline` }, deadlines.get(i.id).text) : null))));
    if (queue.items.length === 0) body.append(el("tr", {}, el("td", { colspan: 11, class: "muted" }, "队列为空。")));
    previous = new Set(queue.items.map(i => i.id));
    drawPager(queue);
  } catch (e) {
    showError(null, e);
  }
}

function drawPager(queue) {
  const pages = Math.max(1, Math.ceil(queue.total / queue.pageSize));
  if (page > pages) { page = pages; schedule(); }
  let pager = document.getElementById("queue-pager");
  if (!pager) {
    pager = el("nav", { id: "queue-pager", class: "pager", "aria-label": "分页" });
    document.getElementById("queue").after(pager);
  }
  pager.replaceChildren(el("span", {}, `共 ${queue.total} 条 · 第 ${queue.page} / ${pages} 页`),
    queue.page > 1 ? el("button", { class: "small secondary", onclick: () => { page--; refresh(); } }, "上一页") : "",
    queue.page < pages ? el("button", { class: "small secondary", onclick: () => { page++; refresh(); } }, "下一页") : "");
}

[...ids.map(id => document.getElementById(id)), mineBox].filter(Boolean)
  .forEach(input => input.addEventListener("change", () => { page = 1; remember(); refresh(); }));
// A notification is sent only once the queue shows its event: one refresh per burst of notifications is enough.
let pending = null;
function schedule() {
  clearTimeout(pending);
  pending = setTimeout(refresh, 50);
}
onNotification(schedule);
refresh();
