// 业务股室 and 预算单位: one form creates (POST; a taken id is 409) or, after 修改, changes one (PUT …/{id}).
import { clearProblems, reloadWith, send, values } from "./admin-form.js";

const form = document.querySelector("form.admin-form");
// getAttribute: a form with a field named "id" answers form.id with that field.
const kind = form.getAttribute("id") === "section-form" ? { word: "股室", title: "业务股室" } : { word: "单位", title: "预算单位" };
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
