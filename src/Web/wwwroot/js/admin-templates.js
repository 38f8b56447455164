// 评分模板: publish a version (POST /api/admin/templates) from a form, start one from an existing version, 停用/启用 (PUT …/{key}).
import { confirmDialog } from "./app.js";
import { clearProblems, reloadWith, send, showProblem } from "./admin-form.js";

const form = document.getElementById("template-form");
const field = name => form.elements.namedItem(name);

/** A number as typed (full-width digits and a 。 or ， as the point allowed), or null when it is not one. */
function number(text) {
  const t = String(text ?? "").trim().replace(/[０-９]/g, c => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[。．，]/g, ".").replace(/[％%]$/, "");
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

/** The lines of a textarea split into words (spaces, full-width spaces or tabs), blank lines left out. */
const lines = text => text.split(/\r?\n/).map(l => l.trim()).filter(Boolean).map(l => l.split(/[\s\u3000]+/));

/** The template the form describes, or a Chinese sentence saying what cannot be read, with the field it concerns. */
function read() {
  const numbers = {};
  for (const name of ["version", "fundsWeight", "achievedFrom", "partlyFrom", "excellent", "good", "fair"]) {
    numbers[name] = number(field(name).value);
    if (numbers[name] === null) return { problem: `「${form.querySelector(`label[for=${field(name).id}]`).textContent.replace(/（.*$/, "")}」应填数字`, field: name };
  }
  const fromYear = field("fromYear").value.trim() ? number(field("fromYear").value) : 0;
  if (fromYear === null) return { problem: "起用年度应填四位年份，或留空", field: "fromYear" };
  const levelOnes = [];
  for (const [name, weight, twos, ...rest] of lines(field("levelOnes").value)) {
    if (number(weight) === null || rest.length > 0) return { problem: `一级指标「${name}」应写成：名称 分值 二级指标（二级指标之间用顿号，不要空格）`, field: "levelOnes" };
    levelOnes.push({ name, weight: number(weight), levelTwos: (twos ?? "").split(/[、,，;；]/).map(t => t.trim()).filter(Boolean) });
  }
  if (levelOnes.length === 0) return { problem: "请填写一级指标，每行一个", field: "levelOnes" };
  const stepped = field("fundsRule").value === "Stepped";
  const steps = [];
  for (const [from, share, ...rest] of stepped ? lines(field("steps").value) : []) {
    if (number(from) === null || number(share) === null || rest.length > 0) return { problem: "阶梯每行写两个数：执行率下限% 得分比例%，如「90 100」", field: "steps" };
    steps.push({ minRatePercent: number(from), shareOfWeight: Math.round(number(share) * 100) / 10000 });
  }
  if (stepped && steps.length === 0) return { problem: "阶梯计分请至少写一档", field: "steps" };
  return {
    template: {
      id: field("id").value.trim(), version: numbers.version, name: field("name").value.trim(),
      locality: field("locality").value.trim() || null, fromYear,
      fundsWeight: numbers.fundsWeight, fundsRule: { kind: field("fundsRule").value, steps: stepped ? steps : null },
      levelOnes, tiers: { achievedFrom: numbers.achievedFrom, partlyFrom: numbers.partlyFrom },
      grades: { excellent: numbers.excellent, good: numbers.good, fair: numbers.fair },
    },
  };
}

function showSteps() { form.querySelector(".t-steps").hidden = field("fundsRule").value !== "Stepped"; }
field("fundsRule").addEventListener("change", showSteps);
showSteps();

form.addEventListener("submit", async e => {
  e.preventDefault();
  clearProblems(form);
  const { template, problem, field: where } = read();
  if (problem) {
    showProblem(form, null, problem, field(where));
    return;
  }
  if (await send(form, "POST", "/api/admin/templates", template) === null) return;
  reloadWith(`已发布评分模板「${template.name}」（${template.id}@${template.version}）。`);
});

/** The next free version of an id among the listed ones. */
function nextVersion(id) {
  const versions = [...document.querySelectorAll("#templates tr[data-id]")].map(r => r.dataset.id.split("@"))
    .filter(([rowId]) => rowId === id).map(([, v]) => Number(v));
  return Math.max(0, ...versions) + 1;
}

for (const button of document.querySelectorAll("[data-template-copy]")) {
  button.addEventListener("click", () => {
    const t = JSON.parse(button.dataset.templateCopy);
    field("id").value = t.id;
    field("version").value = nextVersion(t.id);
    field("name").value = t.name;
    field("locality").value = t.locality ?? "";
    field("fromYear").value = t.fromYear || "";
    field("fundsWeight").value = t.fundsWeight;
    field("fundsRule").value = t.fundsRule.kind;
    field("steps").value = (t.fundsRule.steps ?? []).map(s => `${s.minRatePercent} ${Math.round(s.shareOfWeight * 10000) / 100}`).join("\n");
    field("levelOnes").value = t.levelOnes.map(l => `${l.name} ${l.weight} ${l.levelTwos.join("、")}`).join("\n");
    field("achievedFrom").value = t.tiers.achievedFrom;
    field("partlyFrom").value = t.tiers.partlyFrom;
    field("excellent").value = t.grades.excellent;
    field("good").value = t.grades.good;
    field("fair").value = t.grades.fair;
    showSteps();
    clearProblems(form);
    const details = document.getElementById("template-create");
    details.open = true;
    details.scrollIntoView({ block: "start" });
    field("version").focus();
  });
}

for (const button of document.querySelectorAll("[data-template-toggle]")) {
  button.addEventListener("click", async () => {
    const disable = button.dataset.disabled !== "true";
    const key = button.dataset.templateToggle;
    if (disable && !await confirmDialog({ title: `停用评分模板 ${key}？`, message: "停用后它不再用于评分，也不再作为自评表模板下载；已经用它算出的评分和记录保持不变，可随时重新启用。", confirmText: "停用" })) return;
    if (await send(button.closest("td"), "PUT", `/api/admin/templates/${encodeURIComponent(key)}`, { disabled: disable }) === null) return;
    reloadWith(disable ? `已停用评分模板 ${key}。` : `已启用评分模板 ${key}。`);
  });
}
