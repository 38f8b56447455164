// Times as the finance bureau reads them: Beijing time (UTC+8), whatever zone the browser is set to.

const parts = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai", year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
});

/** 2026年11月22日 10:03 in Beijing time; "—" for nothing. */
export function beijingDateTime(value) {
  if (!value) return "—";
  const p = Object.fromEntries(parts.formatToParts(new Date(value)).map(x => [x.type, x.value]));
  return `${p.year}年${p.month}月${p.day}日 ${p.hour}:${p.minute}`;
}
