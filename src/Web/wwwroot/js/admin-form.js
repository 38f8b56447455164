// The 系统管理 forms: a refusal of the admin API (problem details) is shown in Chinese beside the field it concerns.
import { api, ApiError, el } from "./app.js";

/** Which field a problem code is about (the API's codes in src/Web/Admin/AdminEndpoints.cs). */
const fieldOfCode = {
  "id-invalid": "id", "account-exists": "id", "section-exists": "id", "unit-exists": "id",
  "section-unknown": ["sectionId", "sectionIds"], "section-required": "sectionIds",
  "unit-unknown": "unitId", "unit-required": "unitId",
  "password-weak": "password", "role-unknown": "role", "role-not-grantable": "role",
  "template-exists": "version", "email-invalid": "email", "section-disabled": ["sectionId", "sectionIds"], "unit-disabled": "unitId",
};

export function clearProblems(form) {
  form.querySelectorAll(".field-problem").forEach(n => n.remove());
  form.querySelectorAll(".has-problem").forEach(n => n.classList.remove("has-problem"));
  form.querySelectorAll("[aria-invalid]").forEach(n => n.removeAttribute("aria-invalid"));
  const box = form.querySelector(".form-error");
  if (box) box.replaceChildren();
}

/** The control a problem belongs to: by its code, by the field name its message starts with, or the first blank required field. */
function fieldFor(form, code, message) {
  const named = [fieldOfCode[code]].flat().filter(Boolean).map(n => form.elements?.namedItem(n)).find(Boolean);
  if (named) return named instanceof RadioNodeList ? named[0] : named;
  const worded = [...form.querySelectorAll("[data-words]")].find(f => message.startsWith(f.dataset.words));
  if (worded) return worded;
  if (code?.endsWith("-invalid")) return [...form.querySelectorAll("[required]")].find(f => !f.value.trim()) ?? null;
  return null;
}

export function showProblem(form, code, message, field = fieldFor(form, code, message)) {
  const anchor = field?.closest("fieldset") ?? field;
  if (!anchor) {
    form.querySelector(".form-error")?.replaceChildren(el("div", { class: "error-box", role: "alert" }, message));
    return;
  }
  // getAttribute: a form with a field named "id" answers form.id with that field.
  const id = `${form.getAttribute("id")}-problem-${field.name || field.getAttribute("id")}`;
  (field.type === "checkbox" ? anchor : field).classList.add("has-problem");
  field.setAttribute("aria-invalid", "true");
  field.setAttribute("aria-describedby", [field.getAttribute("aria-describedby"), id].filter(Boolean).join(" "));
  anchor.after(el("div", { class: "field-problem", id, role: "alert" }, message));
  field.focus();
}

/** Sends the form's body; on a refusal shows it beside its field and answers null. */
export async function send(form, method, url, body) {
  clearProblems(form);
  const buttons = form.querySelectorAll("button");
  buttons.forEach(b => { b.disabled = true; });
  try {
    return (await api(method, url, body)) ?? {};
  } catch (e) {
    if (e instanceof ApiError) showProblem(form, e.problem?.code, e.message);
    else showProblem(form, null, `操作失败：${e?.message || e}`);
    return null;
  } finally {
    buttons.forEach(b => { b.disabled = false; });
  }
}

/** The form's text fields as an object, trimmed; empty optional fields are left out. */
export function values(form) {
  const body = {};
  for (const field of form.querySelectorAll("input[name]:not([type=checkbox]), select[name], textarea[name]")) {
    const value = field.value.trim();
    if (value || field.required) body[field.name] = value;
  }
  return body;
}

/** After a change the list is read again; a note of what was done survives the reload. */
export function reloadWith(note) {
  sessionStorage.setItem("admin-note", note);
  location.reload();
}

const note = sessionStorage.getItem("admin-note");
if (note) {
  sessionStorage.removeItem("admin-note");
  document.querySelector("h1")?.after(el("p", { class: "ok-box", role: "status", id: "admin-note" }, note));
}
