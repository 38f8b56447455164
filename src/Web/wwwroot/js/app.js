// Shared helpers of every page: API calls with readable Chinese errors, formatting, toasts, and the live hub.
import { beijingDateTime } from "./beijing-time.js";

export const role = document.body.dataset.role || "";

export function money(value) {
  if (value === null || value === undefined || value === "") return "—";
  return Number(value).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** 2026年11月22日 in Beijing time, whatever zone the browser is set to (as the server renders every date). */
export function date(value) {
  return value ? beijingDateTime(value).split(" ")[0] : "—";
}

/** 2026年11月22日 10:03 in Beijing time. */
export function dateTime(value) {
  return beijingDateTime(value);
}

export const stateNames = { Draft: "草稿", Submitted: "已提交待审核", InReview: "审核中", Returned: "已退回修改", Approved: "审核通过", Published: "已公开", Discarded: "已作废" };
export const kindNames = { ProjectSelfEvaluation: "项目支出绩效自评表", DepartmentSelfEvaluation: "部门整体支出绩效自评报告", FinalAccountsDisclosure: "部门决算公开", SummaryReview: "汇总审核表" };

/** Text is always inserted as text: nothing a user typed is ever parsed as HTML. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "style") node.style.cssText = value; // through the CSSOM: the Content-Security-Policy forbids style attributes
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.title || `请求失败（${status}）`);
    this.status = status;
    this.problem = problem;
  }
}

/** Calls the JSON API with the signed-in cookie; refusals come back as ApiError with the server's Chinese title. */
export async function api(method, url, body, options = {}) {
  const init = { method, headers: { Accept: "application/json" }, credentials: "same-origin" };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const token = document.querySelector('meta[name="csrf"]')?.content;
  if (token) init.headers["X-CSRF-TOKEN"] = token;
  const response = await fetch(url, init);
  if (response.status === 401 && !options.allow?.includes(401)) sessionExpired();
  const text = await response.text();
  const data = text ? (() => { try { return JSON.parse(text); } catch { return text; } })() : null;
  if (!response.ok && !options.allow?.includes(response.status)) throw new ApiError(response.status, typeof data === "object" ? data : null);
  return data;
}

/** Where signing in again brings the person back: this very page. */
export function loginUrl() {
  return `/login?ReturnUrl=${encodeURIComponent(location.pathname + location.search)}`;
}

let expired = false;
/**
 * The sign-in has lapsed (an API call answered 401): tell the person, and dispatch `session-expired` on document first so
 * that an editor can keep its unsaved edits (e.g. in local storage) before they follow the link to sign in again.
 */
export function sessionExpired() {
  if (expired) return;
  expired = true;
  document.dispatchEvent(new CustomEvent("session-expired", { detail: { returnUrl: location.pathname + location.search } }));
  const banner = document.getElementById("session-expired");
  if (!banner) return;
  banner.querySelector("a").href = loginUrl();
  banner.hidden = false;
  banner.querySelector("a").focus();
}

export function newCommandId() {
  return crypto.randomUUID ? crypto.randomUUID() : "10000000-1000-4000-8000-100000000000".replace(/[018]/g, c => (c ^ crypto.getRandomValues(new Uint8Array(1))[0] & 15 >> c / 4).toString(16));
}

export function toast(message, kind = "") {
  const box = document.getElementById("toasts");
  if (!box) return;
  const item = el("div", { class: `toast ${kind}`, role: "status" }, message);
  box.append(item);
  setTimeout(() => item.remove(), 8000);
}

export function showError(target, error) {
  const box = typeof target === "string" ? document.getElementById(target) : target;
  const message = error instanceof ApiError ? error.message : `操作失败：${error?.message || error}`;
  if (box) { box.replaceChildren(el("div", { class: "error-box", role: "alert" }, message)); }
  else toast(message, "returned");
}

const listeners = new Set();
// Every node sends the notifications of the commands it committed, so they arrive in no global order: each submission's
// come in the order of its versions, and a version already seen (a repeat, or one a later version overtook) is skipped.
const seenVersions = new Map();
// Where Missed() resumes after a reconnect: the highest event sequence heard of.
let lastSequence = 0;
let connection = null;

/** Subscribe to live notifications; every page shares one hub connection. */
export function onNotification(listener) {
  listeners.add(listener);
  return connection;
}

let countsTimer = null;
/** The navigation's to-do badges, refetched (once for a burst of notifications) in the caller's own scope. */
function refreshWorkCounts() {
  clearTimeout(countsTimer);
  countsTimer = setTimeout(async () => {
    try {
      const counts = await api("GET", "/api/work-counts");
      for (const [id, count] of Object.entries(counts)) {
        const badge = document.querySelector(`#${id} .nav-count`);
        if (!badge) continue;
        badge.textContent = String(count);
        badge.classList.toggle("zero", count === 0);
        badge.title = `${badge.title.replace(/\s*\d+ 项$/, "")} ${count} 项`;
      }
    } catch { /* the badges stay as they were; the page itself still says what happened */ }
  }, 250);
}

function deliver(n) {
  if (n.version <= (seenVersions.get(n.submissionId) ?? 0)) return; // already seen, or overtaken by a later version
  seenVersions.set(n.submissionId, n.version);
  lastSequence = Math.max(lastSequence, n.sequence);
  for (const listener of listeners) listener(n);
  if (document.querySelector(".work-nav .nav-count")) refreshWorkCounts();
  if (role === "Preparer" && (n.type === "returned" || n.type === "approved")) {
    toast(n.type === "returned" ? `已退回修改：${n.title}` : n.grade ? `审核通过：${n.grade}（${n.title}）` : `审核通过（${n.title}）`, n.type);
  }
  if (role === "Reviewer" && n.type === "submitted") toast(`新提交：${n.unitName}「${n.title}」`);
}

export async function watchSubmission(id) {
  if (connection?.state === "Connected") return connection.invoke("WatchSubmission", id);
  pendingWatches.push(id);
}
const pendingWatches = [];

const liveTexts = { connecting: "正在连接…", connected: "实时更新", reconnecting: "正在重连…", disconnected: "连接已断开（点击重试）" };

/** The live indicator (#live-status, on the pages that have one) says what the hub connection really is. */
function setLive(state) {
  document.body.dataset.live = state;
  const indicator = document.getElementById("live-status");
  if (!indicator) return;
  indicator.textContent = liveTexts[state];
  indicator.className = `muted live-status live-${state}`;
  indicator.title = state === "disconnected" ? "实时通知已中断，点击重新连接" : "";
  if (state === "disconnected") { indicator.setAttribute("role", "button"); indicator.tabIndex = 0; }
  else { indicator.removeAttribute("role"); indicator.removeAttribute("tabindex"); }
}

async function startHub(retry = false) {
  setLive("connecting");
  try {
    await connection.start();
    setLive("connected");
    for (const id of pendingWatches.splice(0)) await connection.invoke("WatchSubmission", id);
    // after a manual retry the page re-reads what it missed, as after an automatic reconnect
    if (retry) for (const listener of listeners) listener({ type: "reconnected" });
  } catch (e) {
    console.warn("实时通知连接失败", e);
    setLive("disconnected");
  }
}

const liveIndicator = document.getElementById("live-status");
const retry = () => { if (connection && document.body.dataset.live === "disconnected") startHub(true); };
liveIndicator?.addEventListener("click", retry);
liveIndicator?.addEventListener("keydown", e => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); retry(); } });

async function connectHub() {
  if (!window.signalR || !role) { setLive("disconnected"); return; }
  connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/review")
    .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 30000])
    .build();
  connection.on("Notify", deliver);
  connection.onreconnecting(() => setLive("reconnecting"));
  connection.onclose(() => setLive("disconnected"));
  connection.onreconnected(async () => {
    setLive("connected");
    // Page through everything missed: the hub answers a bounded page and says whether more follows.
    let after = lastSequence, page;
    do {
      page = await connection.invoke("Missed", after);
      page.notifications.forEach(deliver);
      after = page.through;
    } while (page.more);
    for (const listener of listeners) listener({ type: "reconnected" });
  });
  await startHub();
}

connectHub();

// Buttons that only print (no inline handlers: the Content-Security-Policy allows no inline script).
for (const button of document.querySelectorAll("[data-action=print]")) button.addEventListener("click", () => window.print());
// 返回上一页: back where the person came from, or home when this page was opened first.
for (const button of document.querySelectorAll("[data-action=back]")) {
  button.addEventListener("click", () => { if (history.length > 1 && document.referrer) history.back(); else location.href = "/"; });
}

/**
 * Asks before an irreversible step, naming its consequence and what is still wrong (a modal <dialog>, not the
 * browser's confirm(): it can show a list and is styled and labelled like the rest of the app). Resolves to true
 * when the person confirms.
 */
export function confirmDialog({ title, message, items = [], confirmText = "确认" }) {
  return new Promise(resolve => {
    const shown = items.slice(0, 8);
    const ok = el("button", { id: "confirm-ok", type: "button" }, confirmText);
    const cancel = el("button", { id: "confirm-cancel", type: "button", class: "secondary" }, "取消");
    const dialog = el("dialog", { id: "confirm-dialog", class: "confirm-dialog", "aria-labelledby": "confirm-title" },
      el("h2", { id: "confirm-title", class: "flush-top" }, title),
      el("p", {}, message),
      shown.length ? el("ul", { class: "confirm-items" }, shown.map(item => el("li", {}, item))) : null,
      items.length > shown.length ? el("p", { class: "muted" }, `另有 ${items.length - shown.length} 处，见“检查结果”。`) : null,
      el("div", { class: "actions" }, ok, cancel));
    const close = answer => { dialog.close(); dialog.remove(); resolve(answer); };
    ok.addEventListener("click", () => close(true));
    cancel.addEventListener("click", () => close(false));
    dialog.addEventListener("cancel", e => { e.preventDefault(); close(false); });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
