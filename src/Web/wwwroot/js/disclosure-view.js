// The detail page of a 部门决算公开 package: marks the current score's findings on the 公开表 and the 情况说明 and
// links each entry of the findings list to what it concerns.
import { markFindings, linkFindingsList } from "./disclosure-findings.js";

const root = document.getElementById("disclosure");
const data = JSON.parse(document.getElementById("submission-data")?.textContent || "{}");
if (root) {
  markFindings(root, data.score?.findings || []);
  linkFindingsList(root, document.getElementById("findings"));
}
