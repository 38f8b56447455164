import { api, showError, newCommandId, confirmDialog, ApiError } from "./app.js";

document.getElementById("create")?.addEventListener("click", async event => {
  const button = event.currentTarget;
  const form = new FormData();
  form.set("kind", document.getElementById("new-kind").value);
  form.set("fiscalYear", document.getElementById("new-year").value);
  form.set("title", document.getElementById("new-title").value);
  form.set("commandId", newCommandId());
  const file = document.getElementById("new-file").files[0];
  if (file) form.set("file", file);
  else form.set("text", document.getElementById("new-text").value);
  button.disabled = true;
  try {
    let created;
    try {
      created = await api("POST", "/api/submissions/import", form);
    } catch (e) {
      // A report naming another unit: only on the preparer's explicit word, naming both units.
      if (!(e instanceof ApiError) || e.status !== 409 || e.problem?.code !== "unit-mismatch") throw e;
      const confirmed = await confirmDialog({
        title: "报告所署单位与本单位不一致",
        message: `报告所署单位为「${e.problem.reportUnit}」（${e.problem.reportUnitWhere}），本账号的单位为「${e.problem.accountUnit}」。确认这是「${e.problem.accountUnit}」的报告、仍以本单位名义起草吗？确认将记入报告历史，审核人可见。`,
        items: [`报告所署单位：${e.problem.reportUnit}`, `本账号单位：${e.problem.accountUnit}`],
        confirmText: "确认，以本单位名义起草",
      });
      if (!confirmed) {
        showError("create-result", e);
        return;
      }
      form.set("confirmUnit", "true");
      form.set("commandId", newCommandId());
      created = await api("POST", "/api/submissions/import", form);
    }
    location.href = `/submissions/${created.submissionId}`;
  } catch (e) {
    showError("create-result", e);
  } finally {
    button.disabled = false;
  }
});
