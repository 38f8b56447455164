// 业务股室 and 预算单位: one form creates (POST; a taken id is 409) or, after 修改, changes one (PUT …/{id}); 停用/启用 per row.
import { confirmDialog } from "./app.js";
import { clearProblems, reloadWith, send, values } from "./admin-form.js";

const form = document.querySelector("form.admin-form");
// getAttribute: a form with a field named "id" answers form.id with that field.
const kind = form.getAttribute("id") === "section-form"
  ? { word: "股室", title: "业务股室", closing: "停用后不能再把单位调整到这个股室，也不能再添加它的审核人；它的报告和审核记录保持不变，可随时重新启用。" }
  : { word: "单位", title: "预算单位", closing: "停用后这个单位不能再新建报告，也不能再添加填报人；已提交的报告照常审核，记录保持不变，可随时重新启用。" };
const idField = form.elements.namedItem("id");
const save = form.querySelector("button[type=submit]");
const cancel = form.querySelector("button[type=button]");
const heading = form.querySelector("h2");
let editing = null;

function startEdit(data) {
  editing = data.id;
  for (const [name, value] of Object.entries(data)) {
    const field = form.elements.namedItem(name);
    if (field) field.value = value ?? "";
  }
  idField.readOnly = true;
  heading.textContent = `修改${kind.title}「${data.id}」`;
  save.textContent = "保存修改";
  cancel.hidden = false;
  clearProblems(form);
  form.scrollIntoView({ block: "start" });
  form.elements.namedItem("name").focus();
}

function stopEdit() {
  editing = null;
  form.reset();
  idField.readOnly = false;
  heading.textContent = `新建${kind.title}`;
  save.textContent = `新建${kind.word}`;
  cancel.hidden = true;
  clearProblems(form);
}

for (const button of document.querySelectorAll("[data-edit]")) button.addEventListener("click", () => startEdit(JSON.parse(button.dataset.edit)));
cancel.addEventListener("click", stopEdit);

form.addEventListener("submit", async e => {
  e.preventDefault();
  const body = values(form);
  if (editing) delete body.id;
  const sent = editing
    ? await send(form, "PUT", `${form.dataset.endpoint}/${encodeURIComponent(editing)}`, { supervisingDepartment: "", ...body })
    : await send(form, "POST", form.dataset.endpoint, body);
  if (sent === null) return;
  reloadWith(editing ? `已保存${kind.title}「${body.name}」（${editing}）。` : `已新建${kind.title}「${body.name}」（${body.id}）。`);
});

for (const button of document.querySelectorAll("[data-toggle]")) {
  button.addEventListener("click", async () => {
    const disable = button.dataset.disabled !== "true";
    const id = button.dataset.toggle;
    if (disable && !await confirmDialog({ title: `停用${kind.title}「${button.dataset.name}」？`, message: kind.closing, confirmText: "停用" })) return;
    const cell = button.closest("td");
    if (await send(cell, "PUT", `${form.dataset.endpoint}/${encodeURIComponent(id)}`, { disabled: disable }) === null) return;
    reloadWith(disable ? `已停用${kind.title}「${button.dataset.name}」（${id}）。` : `已启用${kind.title}「${button.dataset.name}」（${id}）。`);
  });
}
