using Approval.Workflow.Submissions;

namespace Approval.Workflow.DepartmentReport;

/// <summary>An imported 部门整体 report: its text as read, with the score and grade it states and where they were found.</summary>
public static class DepartmentReportImport
{
    public static DepartmentSelfEvaluation From(string narrative)
    {
        var stated = StatedScoreReader.Find(DepartmentReportReader.Read(narrative));
        return new DepartmentSelfEvaluation(narrative, stated?.Value, stated?.Grade)
        {
            StatedScoreSource = stated is null ? null : $"{stated.OriginText}：「{stated.Sentence}」",
        };
    }
}
