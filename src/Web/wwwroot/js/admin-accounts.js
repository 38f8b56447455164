// 账户: create, edit (姓名, 角色, 单位, 股室), 停用/启用 and 重置密码 through PUT /api/admin/accounts/{id}.
import { confirmDialog, el } from "./app.js";
import { reloadWith, send, values } from "./admin-form.js";

/** 16 characters without look-alikes (0/O, 1/l/I), like the installation's generated passwords. */
function temporaryPassword() {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789#%+";
  const bytes = crypto.getRandomValues(new Uint32Array(16));
  return Array.from(bytes, b => alphabet[b % alphabet.length]).join("");
}

/** The unit and section pickers matter for some roles only: shown for those, and what is hidden is not sent. */
function fitRole(form) {
  const role = form.elements.namedItem("role").value;
  form.querySelector(".account-unit").hidden = !(role === "Preparer" || role === "Reviewer");
  form.querySelector(".account-sections").hidden = role !== "Reviewer";
}

function body(form) {
  const data = values(form);
  const role = data.role;
  data.sectionIds = role === "Reviewer" ? [...form.querySelectorAll("input[name=sectionIds]:checked")].map(c => c.value) : [];
  if (role !== "Preparer" && role !== "Reviewer") data.unitId = "";
  data.unitId ??= "";
  data.email ??= ""; // an emptied address is removed
  return data;
}

// 新建账户
const create = document.getElementById("account-form");
create.elements.namedItem("role").addEventListener("change", () => fitRole(create));
fitRole(create);
document.getElementById("new-password-generate").addEventListener("click", () => { create.elements.namedItem("password").value = temporaryPassword(); });
create.addEventListener("submit", async e => {
  e.preventDefault();
  const data = body(create);
  if (!data.unitId) delete data.unitId;
  if (await send(create, "POST", "/api/admin/accounts", data) === null) return;
  reloadWith(`已新建账户 ${data.id}（${data.displayName}）。请把初始密码告知本人。`);
});

// 修改
const dialog = document.getElementById("account-dialog");
const edit = document.getElementById("account-edit-form");
let editing = null;
edit.elements.namedItem("role").addEventListener("change", () => fitRole(edit));
for (const button of document.querySelectorAll("[data-account-edit]")) {
  button.addEventListener("click", () => {
    const account = JSON.parse(button.dataset.accountEdit);
    editing = account.id;
    edit.reset();
    document.getElementById("account-dialog-title").textContent = `修改账户 ${account.id}`;
    edit.elements.namedItem("displayName").value = account.displayName;
    const role = edit.elements.namedItem("role");
    role.value = account.role;
    if (role.value !== account.role) role.append(el("option", { value: account.role, selected: true }, "（现有角色，不可授予）"));
    edit.elements.namedItem("unitId").value = account.unitId;
    edit.elements.namedItem("email").value = account.email ?? "";
    for (const box of edit.querySelectorAll("input[name=sectionIds]")) box.checked = account.sectionIds.includes(box.value);
    fitRole(edit);
    dialog.showModal();
  });
}
document.getElementById("account-edit-cancel").addEventListener("click", () => dialog.close());
edit.addEventListener("submit", async e => {
  e.preventDefault();
  const data = body(edit);
  if (await send(edit, "PUT", `/api/admin/accounts/${encodeURIComponent(editing)}`, data) === null) return;
  reloadWith(`已保存账户 ${editing} 的修改；其原有登录已失效。`);
});

// 停用 / 启用
for (const button of document.querySelectorAll("[data-account-toggle]")) {
  button.addEventListener("click", async () => {
    const disable = button.dataset.disabled !== "true";
    const id = button.dataset.accountToggle;
    if (disable && !await confirmDialog({ title: `停用账户 ${id}？`, message: `${button.dataset.name}停用后立即不能登录，现有登录也随即失效；其报告与记录保持不变，可随时重新启用。`, confirmText: "停用" })) return;
    const row = button.closest("tr");
    const cell = row.querySelector(".row-buttons");
    if (await send(cell, "PUT", `/api/admin/accounts/${encodeURIComponent(id)}`, { disabled: disable }) === null) return;
    reloadWith(disable ? `已停用账户 ${id}。` : `已启用账户 ${id}。`);
  });
}

// 重置密码: the new password is made here, sent once, and shown once.
const passwordDialog = document.getElementById("password-dialog");
let resetting = null;
for (const button of document.querySelectorAll("[data-account-reset]")) {
  button.addEventListener("click", () => {
    resetting = button.dataset.accountReset;
    document.getElementById("password-question").textContent = `为账户 ${resetting}（${button.dataset.name}）生成新的临时密码？原密码和它的所有登录将立即失效。`;
    document.getElementById("password-confirm").hidden = false;
    document.getElementById("password-done").hidden = true;
    document.getElementById("password-error").replaceChildren();
    passwordDialog.showModal();
  });
}
document.getElementById("password-cancel").addEventListener("click", () => passwordDialog.close());
document.getElementById("password-ok").addEventListener("click", async () => {
  const password = temporaryPassword();
  const box = document.getElementById("password-confirm");
  if (await send(box, "PUT", `/api/admin/accounts/${encodeURIComponent(resetting)}`, { password }) === null) return;
  box.hidden = true;
  document.getElementById("temporary-password").textContent = password;
  document.getElementById("password-done").hidden = false;
});
document.getElementById("password-close").addEventListener("click", () => {
  document.getElementById("temporary-password").textContent = "";
  passwordDialog.close();
});
