// Unsaved edits kept in the browser (localStorage), so that a session that expires under someone's hands, a closed tab
// or a crash does not lose them: written on every change and when app.js announces `session-expired` (before it sends
// the person to sign in), offered back ("恢复未保存的修改？") when they return to the same submission at the same version,
// removed once saved. Keyed by submission and version: edits made on a version someone else has since changed are not
// offered over the newer content.
import { el } from "./app.js";

const prefix = "unsaved:";

export function unsavedDraft(submissionId, version, editor) {
  const key = `${prefix}${submissionId}:${version}:${editor}`;
  // Edits kept for an older version of this submission can no longer be applied: forget them.
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const other = localStorage.key(i);
    if (other?.startsWith(`${prefix}${submissionId}:`) && other.endsWith(`:${editor}`) && other !== key) localStorage.removeItem(other);
  }
  return {
    save(state) {
      try { localStorage.setItem(key, JSON.stringify({ savedAt: new Date().toISOString(), state })); } catch { /* storage full or disabled: nothing to keep */ }
    },
    load() {
      try { return JSON.parse(localStorage.getItem(key) || "null"); } catch { return null; }
    },
    clear() { localStorage.removeItem(key); },
  };
}

/** The offer to restore: a bar in `host` with 恢复 and 放弃; resolves to true (restore) or false (discarded). */
export function offerRestore(host, kept) {
  return new Promise(resolve => {
    const at = new Date(kept.savedAt);
    const when = Number.isNaN(at.getTime()) ? "" : `（${at.getMonth() + 1}月${at.getDate()}日 ${String(at.getHours()).padStart(2, "0")}:${String(at.getMinutes()).padStart(2, "0")}）`;
    const restore = el("button", { id: "restore-unsaved", type: "button" }, "恢复");
    const discard = el("button", { id: "discard-unsaved", type: "button", class: "secondary" }, "放弃");
    const bar = el("div", { id: "restore-offer", class: "info-box", role: "alert" },
      el("strong", {}, "恢复未保存的修改？"), ` 本页有上次编辑时未保存的修改${when}，可能因登录过期或页面关闭而未能保存。 `, restore, " ", discard);
    host.prepend(bar);
    restore.addEventListener("click", () => { bar.remove(); resolve(true); });
    discard.addEventListener("click", () => { bar.remove(); resolve(false); });
  });
}
