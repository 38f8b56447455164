import { api, showError, newCommandId } from "./app.js";

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
    const created = await api("POST", "/api/submissions/import", form);
    location.href = `/submissions/${created.submissionId}`;
  } catch (e) {
    showError("create-result", e);
  } finally {
    button.disabled = false;
  }
});
