// On paper the attachments (项目支出绩效自评报告, 汇总审核表) print opened, as the report was filed; on screen they stay as the reader left them.
const attachments = () => document.querySelectorAll("details.dept-attachment");
let closedBeforePrint = [];
window.addEventListener("beforeprint", () => {
  closedBeforePrint = [...attachments()].filter(d => !d.open);
  for (const d of closedBeforePrint) d.open = true;
});
window.addEventListener("afterprint", () => {
  for (const d of closedBeforePrint) d.open = false;
  closedBeforePrint = [];
});
