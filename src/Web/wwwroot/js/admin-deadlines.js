// 截止日期: due dates per kind and year (PUT/DELETE …/due-dates/{year}/{kind}), one year's holidays (PUT …/calendar/{year}) and the review hold limit.
import { confirmDialog } from "./app.js";
import { reloadWith, send } from "./admin-form.js";

const lines = text => text.split(/[\s,，、;；]+/).map(s => s.trim()).filter(Boolean);

const dueForm = document.getElementById("due-form");
const mode = dueForm.elements.namedItem("mode");
const showMode = () => dueForm.querySelectorAll("[data-mode]").forEach(n => { n.hidden = n.dataset.mode !== mode.value; });
mode.addEventListener("change", showMode);
showMode();

dueForm.addEventListener("submit", async e => {
  e.preventDefault();
  const f = dueForm.elements;
  const year = f.namedItem("year").value.trim();
  const kind = f.namedItem("kind").value;
  const body = mode.value === "fixed"
    ? { fixedOn: f.namedItem("fixedOn").value }
    : { countFrom: f.namedItem("countFrom").value, workingDays: f.namedItem("workingDays").value ? Number(f.namedItem("workingDays").value) : null };
  body.note = f.namedItem("note").value.trim();
  const saved = await send(dueForm, "PUT", `/api/admin/deadlines/due-dates/${encodeURIComponent(year)}/${encodeURIComponent(kind)}`, body);
  if (saved === null) return;
  reloadWith(`已保存 ${saved.fiscalYear} 年度${saved.kindName}的截止日期：${saved.dueOn}（${saved.basis}）。`);
});

for (const button of document.querySelectorAll("[data-remove-due]")) {
  button.addEventListener("click", async () => {
    if (!await confirmDialog({ title: `删除${button.dataset.name}的截止日期？`, message: "删除后这类报告不再列入逾期和催报。", confirmText: "删除" })) return;
    const cell = button.closest("td");
    if (await send(cell, "DELETE", `/api/admin/deadlines/due-dates/${button.dataset.removeDue}`) === null) return;
    reloadWith(`已删除${button.dataset.name}的截止日期。`);
  });
}

const calendarForm = document.getElementById("calendar-form");
calendarForm.addEventListener("submit", async e => {
  e.preventDefault();
  const f = calendarForm.elements;
  const body = { daysOff: lines(f.namedItem("daysOff").value), workingWeekends: lines(f.namedItem("workingWeekends").value), source: f.namedItem("source").value.trim() };
  const saved = await send(calendarForm, "PUT", `/api/admin/deadlines/calendar/${calendarForm.dataset.year}`, body);
  if (saved === null) return;
  reloadWith(`已保存 ${saved.year} 年安排：放假 ${saved.daysOff.length} 天，调休上班 ${saved.workingWeekends.length} 天。`);
});

const holdForm = document.getElementById("hold-form");
holdForm.addEventListener("submit", async e => {
  e.preventDefault();
  const days = Number(holdForm.elements.namedItem("reviewHoldWorkingDays").value);
  if (await send(holdForm, "PUT", "/api/admin/deadlines/settings", { reviewHoldWorkingDays: days }) === null) return;
  reloadWith(`审核领取期限已设为 ${days} 个工作日。`);
});
