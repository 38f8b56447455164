import { api, el, dateTime, stateNames, money, showError } from "./app.js";

const { id } = JSON.parse(document.getElementById("audit-data").textContent);
const history = await api("GET", `/api/submissions/${id}/history`);

document.getElementById("timeline").replaceChildren(...history.map(e =>
  el("li", { "data-version": e.version },
    el("div", {}, el("strong", {}, `#${e.version}`), " ", dateTime(e.timestamp), " · ", e.actorName ?? "系统", e.actorRole ? `（${e.actorRole}）` : ""),
    el("div", {}, e.summary),
    el("div", { class: "muted" }, `序号 ${e.sequence} · 关联 ${e.correlationId ?? "—"}`),
    el("button", { class: "small secondary", onclick: () => asOf(e.version) }, "查看该时点"))));

for (const select of [document.getElementById("diff-from"), document.getElementById("diff-to")]) {
  select.replaceChildren(...history.map(e => el("option", { value: e.version }, `#${e.version} ${e.eventType}`)));
}
document.getElementById("diff-to").value = history.at(-1)?.version;

async function asOf(version) {
  const box = document.getElementById("as-of");
  try {
    const s = await api("GET", `/api/submissions/${id}/as-of?version=${version}`);
    const form = s.content?.projectForm;
    box.replaceChildren(
      el("p", {}, `版本 #${s.version}：`, el("span", { class: `badge ${s.state}` }, stateNames[s.state]), ` 第 ${s.round} 轮，内容第 ${s.contentVersion} 版`),
      el("p", {}, `系统评分：${s.score?.total != null ? money(s.score.total) : "—"}，建议等级：${s.score?.suggestedGrade ?? "—"}，审核等级：${s.approval?.grade ?? "—"}`),
      form ? el("table", {}, el("thead", {}, el("tr", {}, ...["三级指标", "年度指标值", "实际完成值", "分值", "得分"].map(h => el("th", {}, h)))),
        el("tbody", {}, ...form.indicators.map(i => el("tr", {}, el("td", {}, i.name), el("td", {}, i.target), el("td", {}, i.actual), el("td", { class: "num" }, i.weight), el("td", { class: "num" }, i.statedScore ?? ""))))) : "");
  } catch (e) { showError(box, e); }
}

document.getElementById("diff").addEventListener("click", async () => {
  const from = document.getElementById("diff-from").value;
  const to = document.getElementById("diff-to").value;
  const list = document.getElementById("diff-result");
  try {
    const diff = await api("GET", `/api/submissions/${id}/diff?from=${from}&to=${to}`);
    list.replaceChildren(...(diff.changes.length ? diff.changes.map(c => el("li", {}, c)) : [el("li", { class: "muted" }, "内容无变化")]));
  } catch (e) { showError(list, e); }
});

document.getElementById("verify").addEventListener("click", async () => {
  const box = document.getElementById("verify-result");
  try {
    const result = await api("GET", `/api/submissions/${id}/verify`);
    box.replaceChildren(el("span", { class: result.intact ? "ok-box" : "error-box", role: "status" }, result.summary));
  } catch (e) { showError(box, e); }
});
