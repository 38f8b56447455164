// 逾期催报: 催报 one unit, all overdue units, or remind a reviewer; the answer says what was sent (and what had been sent today already).
import { api, ApiError, confirmDialog, el } from "./app.js";

const result = document.getElementById("remind-result");

function report(answer) {
  const lines = answer.reminders.map(r => {
    const what = r.alreadySent ? "今天已催报过，未重复发送" : "已记录";
    const mail = r.emailed ? `，邮件已发送至 ${r.addresses.join("、")}` : r.failure ? `，邮件未发送：${r.failure}` : "";
    return el("li", {}, `${r.to}：${what}${mail}`);
  });
  return el("div", { class: "ok-box", id: "remind-outcome" }, el("ul", {}, ...lines));
}

async function remind(url, body, confirm) {
  if (confirm && !await confirmDialog(confirm)) return;
  document.querySelectorAll("[data-remind-unit], [data-remind-review], #remind-all").forEach(b => { b.disabled = true; });
  try {
    const answer = await api("POST", url, body);
    sessionStorage.setItem("remind-outcome", JSON.stringify(answer));
    location.reload();
  } catch (e) {
    result.replaceChildren(el("div", { class: "error-box", role: "alert" }, e instanceof ApiError ? e.message : `发送失败：${e?.message || e}`));
    document.querySelectorAll("[data-remind-unit], [data-remind-review], #remind-all").forEach(b => { b.disabled = false; });
  }
}

for (const b of document.querySelectorAll("[data-remind-unit]")) {
  b.addEventListener("click", () => remind("/api/deadlines/reminders/reporting", { unitId: b.dataset.remindUnit, kind: b.dataset.kind, fiscalYear: Number(b.dataset.year) }));
}
document.getElementById("remind-all")?.addEventListener("click", e => remind("/api/deadlines/reminders/reporting", {},
  { title: `向全部逾期单位催报（${e.currentTarget.dataset.count} 项）？`, message: "每个单位的填报人会在系统内看到催报；登记了邮箱的还会收到邮件。同一天重复催报不会重复发送。", confirmText: "全部催报" }));
for (const b of document.querySelectorAll("[data-remind-review]")) {
  b.addEventListener("click", () => remind("/api/deadlines/reminders/review", { submissionId: b.dataset.remindReview }));
}

const saved = sessionStorage.getItem("remind-outcome");
if (saved) {
  sessionStorage.removeItem("remind-outcome");
  result.replaceChildren(report(JSON.parse(saved)));
}
