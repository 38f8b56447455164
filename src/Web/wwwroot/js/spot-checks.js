// 抽查复核: draw a sample, re-score a drawn form, release its result — each through the JSON API, refusals beside their field.
import { newCommandId, confirmDialog } from "./app.js";
import { send } from "./admin-form.js";

const number = value => (value === "" || value == null ? null : Number(value));

document.getElementById("sc-draw")?.addEventListener("submit", async event => {
  event.preventDefault();
  const form = event.currentTarget;
  const f = form.elements;
  const answer = await send(form, "POST", "/api/spot-checks", {
    commandId: newCommandId(),
    fiscalYear: number(f.fiscalYear.value), sampleSize: number(f.sampleSize.value),
    randomSharePercent: number(f.randomSharePercent.value), seed: number(f.seed.value),
  });
  if (answer?.spotCheckId) location.href = `/spot-checks/${answer.spotCheckId}`;
});

const params = document.getElementById("sc-params");

/** "指标：意见" per line; a line without a colon is a note on the form as a whole. */
function notes(text) {
  return text.split("\n").map(l => l.trim()).filter(Boolean).map(line => {
    const at = line.search(/[:：]/);
    return at > 0 ? { indicator: line.slice(0, at).trim(), note: line.slice(at + 1).trim() } : { indicator: "整体", note: line };
  });
}

for (const form of document.querySelectorAll("form.sc-rescore")) {
  form.addEventListener("submit", async event => {
    event.preventDefault();
    const f = form.elements;
    const answer = await send(form, "POST", `/api/spot-checks/${params.dataset.id}/forms/${form.dataset.submission}/rescore`, {
      commandId: newCommandId(), version: Number(params.dataset.version),
      score: number(f.score.value), reasons: f.reasons.value, notes: notes(f.notes.value),
    });
    if (answer) location.reload();
  });
}

for (const form of document.querySelectorAll("form.sc-release")) {
  form.addEventListener("submit", async event => {
    event.preventDefault();
    // Releasing cannot be undone: ask first, as 提交/退回/审核通过/公开 do on the form's page.
    const sure = await confirmDialog({
      title: "确认告知单位？",
      message: `告知后复核得分、复核等级和复核理由即对${form.dataset.unit || "单位"}可见（${form.dataset.title || "该自评表"}），复核不能再修改，告知不能撤回。`,
      confirmText: "告知单位",
    });
    if (!sure) return;
    const answer = await send(form, "POST", `/api/spot-checks/${params.dataset.id}/forms/${form.dataset.submission}/release`, {
      commandId: newCommandId(), version: Number(params.dataset.version),
    });
    if (answer) location.reload();
  });
}
