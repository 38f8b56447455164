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
    // Each question the server asks (another unit's name, another year) is put to the preparer, then the import is sent again.
    let created = null;
    while (!created) {
      try {
        created = await api("POST", "/api/submissions/import", form);
      } catch (e) {
        const answer = e instanceof ApiError && e.status === 409 ? await askAbout(e.problem) : null;
        if (!answer) {
          showError("create-result", e);
          if (e?.problem?.code === "fiscal-year") document.getElementById("new-year").focus();
          return;
        }
        answer(form);
        form.set("commandId", newCommandId());
      }
    }
    location.href = `/submissions/${created.submissionId}`;
  } catch (e) {
    showError("create-result", e);
  } finally {
    button.disabled = false;
  }
});

/** The preparer's answer to a refusal that only they can settle, as a change to the form; null when they decline or it is no question. */
async function askAbout(problem) {
  if (problem?.code === "unit-mismatch") {
    // A report naming another unit: only on the preparer's explicit word, naming both units.
    const confirmed = await confirmDialog({
      title: "报告所署单位与本单位不一致",
      message: `报告所署单位为「${problem.reportUnit}」（${problem.reportUnitWhere}），本账号的单位为「${problem.accountUnit}」。确认这是「${problem.accountUnit}」的报告、仍以本单位名义起草吗？确认将记入报告历史，审核人可见。`,
      items: [`报告所署单位：${problem.reportUnit}`, `本账号单位：${problem.accountUnit}`],
      confirmText: "确认，以本单位名义起草",
    });
    return confirmed ? form => form.set("confirmUnit", "true") : null;
  }
  if (problem?.code === "year-mismatch") {
    // The report says which year it is: file it under that year, never silently under the one in the field.
    const confirmed = await confirmDialog({
      title: "报告年度与所选年度不一致",
      message: `报告表头为 ${problem.statedYear} 年度，所选年度为 ${problem.fiscalYear} 年度。报告按其表头年度起草；如表头有误，请先在文件中更正。`,
      confirmText: `按 ${problem.statedYear} 年度起草`,
    });
    if (!confirmed) return null;
    return form => {
      form.set("fiscalYear", String(problem.statedYear));
      document.getElementById("new-year").value = problem.statedYear;
    };
  }
  return null;
}

// 生成汇总: the 汇总 submission of a year, its rows made from the unit's own sent 自评表; the unit then fills its two figures.
for (const button of document.querySelectorAll("[data-generate-summary]")) {
  button.addEventListener("click", async () => {
    const year = Number(button.dataset.generateSummary);
    button.disabled = true;
    try {
      const created = await api("POST", "/api/submissions", {
        commandId: newCommandId(), fiscalYear: year, kind: "SummaryReview", title: `${year}年度项目支出绩效自评情况汇总审核表`,
        content: { summary: { unitProjectExpenditure: null, unitProjectCount: Number(button.dataset.projects) } },
      });
      location.href = `/submissions/${created.submissionId}`;
    } catch (e) {
      showError("generate-result", e);
      button.disabled = false;
    }
  });
}
