import { api, el, stateNames, money, showError } from "./app.js";
import { beijingDateTime } from "./beijing-time.js";

const { id } = JSON.parse(document.getElementById("audit-data").textContent);
const history = await api("GET", `/api/submissions/${id}/history`);

// The human view names each event, its actor and its Beijing time once; sequence numbers, correlation ids and stream ids
// stay in the JSON export.
const who = e => e.actorName ? `${e.actorName}${e.actorRole ? `（${e.actorRole}）` : ""}` : "系统";

document.getElementById("timeline").replaceChildren(...history.map(e =>
  el("li", { "data-version": e.version },
    el("div", {}, el("strong", {}, `第 ${e.version} 版 · ${e.name}`), " ", el("time", { datetime: e.timestamp }, beijingDateTime(e.timestamp)), " · ", who(e)),
    el("div", { class: "timeline-action" }, e.action),
    el("button", { class: "small secondary", onclick: () => asOf(e.version), "aria-label": `查看该时点（第 ${e.version} 版）` }, "查看该时点"))));

const label = e => `第 ${e.version} 版 · ${e.name} · ${e.actorName ?? "系统"} · ${beijingDateTime(e.timestamp)}`;
for (const select of [document.getElementById("diff-from"), document.getElementById("diff-to")]) {
  select.replaceChildren(...history.map(e => el("option", { value: e.version }, label(e))));
}
document.getElementById("diff-to").value = history.at(-1)?.version;

async function asOf(version) {
  const box = document.getElementById("as-of");
  try {
    const s = await api("GET", `/api/submissions/${id}/as-of?version=${version}`);
    const form = s.content?.projectForm;
    box.replaceChildren(
      el("p", {}, `第 ${s.version} 版时（${beijingDateTime(s.updatedAt)}）：`, el("span", { class: `badge ${s.state}` }, stateNames[s.state]), ` 第 ${s.round} 轮，内容第 ${s.contentVersion} 版`),
      el("p", {}, `系统评分：${s.score?.total != null ? money(s.score.total) : "—"}，建议等级：${s.score?.suggestedGrade ?? "—"}，审核等级：${s.approval?.grade ?? "—"}`),
      form ? el("table", {}, el("thead", {}, el("tr", {}, ...["三级指标", "年度指标值", "实际完成值", "分值", "得分"].map(h => el("th", {}, h)))),
        el("tbody", {}, ...form.indicators.map(i => el("tr", {}, el("td", {}, i.name), el("td", {}, i.target), el("td", {}, i.actual), el("td", { class: "num" }, i.weight), el("td", { class: "num" }, i.statedScore ?? ""))))) : "");
  } catch (e) { showError(box, e); }
}

/** "名称：旧 → 新" shown as the part, the old text struck through and the new text marked; the words read the same. */
function change(text) {
  const colon = text.indexOf("：");
  const spaced = text.lastIndexOf(" → ");
  const arrow = spaced >= 0 ? spaced : text.lastIndexOf("→");
  if (colon < 0 || arrow <= colon) return el("li", {}, text);
  const sep = spaced >= 0 ? " → " : "→";
  return el("li", {}, el("span", { class: "diff-part" }, text.slice(0, colon + 1)),
    el("del", { class: "diff-old" }, text.slice(colon + 1, arrow)), sep, el("ins", { class: "diff-new" }, text.slice(arrow + sep.length)));
}

document.getElementById("diff").addEventListener("click", async () => {
  const from = document.getElementById("diff-from").value;
  const to = document.getElementById("diff-to").value;
  const list = document.getElementById("diff-result");
  try {
    const diff = await api("GET", `/api/submissions/${id}/diff?from=${from}&to=${to}`);
    list.replaceChildren(...(diff.changes.length ? diff.changes.map(change) : [el("li", { class: "muted" }, "内容无变化")]));
  } catch (e) { showError(list, e); }
});

document.getElementById("verify").addEventListener("click", async () => {
  const box = document.getElementById("verify-result");
  try {
    const result = await api("GET", `/api/submissions/${id}/verify`);
    box.replaceChildren(el("span", { class: result.intact ? "ok-box" : "error-box", role: "status" }, result.summary));
  } catch (e) { showError(box, e); }
});
