// 批复日期 of a 部门决算公开 package: the preparer enters it in the summary; saved with the content (PUT …/content), then
// rescored like any edit, so the package can be submitted. Publication is due 20 days later (预算法第十四条).
import { api, newCommandId, showError } from "./app.js";

const data = JSON.parse(document.getElementById("submission-data").textContent);
const input = document.getElementById("budget-approved-on");
const save = document.getElementById("save-budget-approved-on");

save?.addEventListener("click", async () => {
  save.disabled = true;
  try {
    const content = { ...data.content, disclosure: { ...data.content.disclosure, budgetApprovedOn: input.value || null } };
    const base = `/api/submissions/${data.id}`;
    const revised = await api("PUT", `${base}/content`, { commandId: newCommandId(), version: data.version, content });
    await api("POST", `${base}/score`, { commandId: newCommandId(), version: revised.version });
    location.reload();
  } catch (e) {
    showError("budget-approved-on-error", e);
    save.disabled = false;
  }
});
