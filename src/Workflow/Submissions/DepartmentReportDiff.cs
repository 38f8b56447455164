using Approval.Workflow.DepartmentReport;

namespace Approval.Workflow.Submissions;

/// <summary>
/// The 部门整体 report's text compared as the report reads (<see cref="DepartmentReportReader"/>): each changed sentence
/// named by its part ("报告正文「一、部门概述和基本情况」第 2 段") and its paragraph there, not by a line of the PDF's text,
/// whose breaks fall in mid-sentence.
/// </summary>
public static class DepartmentReportDiff
{
    public static void Between(string before, string after, List<string> changes)
    {
        if (before == after) return;
        var a = DepartmentReportReader.Read(before);
        var b = DepartmentReportReader.Read(after);
        var count = changes.Count;
        if ((a.Title ?? "") != (b.Title ?? "")) changes.Add($"报告标题：「{a.Title ?? "（空）"}」→「{b.Title ?? "（空）"}」");
        NarrativeDiff.Between("报告正文开头", Text(a.Preface), Text(b.Preface), changes);
        // a part is itself by its heading; one whose heading changed is the part in its place that no other heading claims
        var unclaimed = a.Sections.Where(s => b.Sections.All(n => n.Heading != s.Heading)).ToHashSet();
        for (var i = 0; i < b.Sections.Count; i++)
        {
            var section = b.Sections[i];
            if (a.Sections.FirstOrDefault(s => s.Heading == section.Heading) is { } same)
                NarrativeDiff.Between($"报告正文「{section.Heading}」", Text(same.Blocks), Text(section.Blocks), changes);
            else if (i < a.Sections.Count && unclaimed.Remove(a.Sections[i]))
                NarrativeDiff.Between($"报告正文第 {i + 1} 部分", Text(a.Sections[i].Blocks.Prepend(new ReportBlock(1, a.Sections[i].Heading))),
                    Text(section.Blocks.Prepend(new ReportBlock(1, section.Heading))), changes);
            else changes.Add($"报告正文：新增部分「{section.Heading}」");
        }
        foreach (var removed in a.Sections.Where(unclaimed.Contains))
            changes.Add($"报告正文：删除部分「{removed.Heading}」");
        NarrativeDiff.Between("报告落款", string.Join("\n", a.Closing), string.Join("\n", b.Closing), changes);
        foreach (var attachment in b.Attachments)
        {
            if (a.Attachments.FirstOrDefault(o => o.Title == attachment.Title) is not { } old) { changes.Add($"附件：新增「{attachment.Title}」"); continue; }
            NarrativeDiff.Between($"附件「{attachment.Title}」", Text(old.Blocks), Text(attachment.Blocks), changes);
        }
        foreach (var removed in a.Attachments.Where(o => b.Attachments.All(n => n.Title != o.Title)))
            changes.Add($"附件：删除「{removed.Title}」");
        // the text differs, yet reads the same (a line broken elsewhere, spaces): still said, so no revision is silent
        if (changes.Count == count) NarrativeDiff.Between("报告正文", before, after, changes);
    }

    private static string Text(IEnumerable<ReportBlock> blocks) => string.Join("\n", blocks.Select(b => b.Text));
}
