// 委托代审: grant (POST /api/delegations) and 收回 (POST /api/delegations/{id}/revoke); a refusal is shown beside its field.
import { api, ApiError, confirmDialog, newCommandId } from "./app.js";
import { clearProblems, reloadWith, send, showProblem, values } from "./admin-form.js";

const form = document.getElementById("delegation-form");
form?.addEventListener("submit", async e => {
  e.preventDefault();
  clearProblems(form);
  const body = { commandId: newCommandId(), ...values(form) };
  try {
    await api("POST", "/api/delegations", body);
  } catch (error) {
    const fields = error instanceof ApiError ? error.problem?.errors ?? [] : [];
    if (fields.length) fields.forEach(f => showProblem(form, f.code, f.message, form.elements.namedItem(f.field)));
    else showProblem(form, error.problem?.code ?? null, error.message);
    return;
  }
  const who = form.elements.namedItem("standInId").selectedOptions[0].textContent;
  reloadWith(`已委托 ${who} 于 ${body.from} 至 ${body.to} 代为审核。`);
});

for (const button of document.querySelectorAll("[data-revoke]")) {
  button.addEventListener("click", async () => {
    if (!await confirmDialog({ title: `收回委托 ${button.dataset.label}？`, message: "收回后受托人立即不能再查看和处理这些股室的报告。", confirmText: "收回" })) return;
    const cell = button.closest("td");
    if (await send(cell, "POST", `/api/delegations/${button.dataset.revoke}/revoke`, { commandId: newCommandId() }) === null) return;
    reloadWith(`已收回委托 ${button.dataset.label}。`);
  });
}
