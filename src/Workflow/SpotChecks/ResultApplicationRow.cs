using Approval.Workflow.Submissions;
using Approval.Workflow.Templates;

namespace Approval.Workflow.SpotChecks;

/// <summary>One line of the 结果应用 table: a form of the year, its grades, and the note its final grade carries.</summary>
public sealed record ResultApplicationRow(
    Guid SubmissionId, string UnitId, string UnitName, string? SectionName, string Title,
    decimal? SelfScore, Grade? SelfGrade, Grade? ApprovedGrade, decimal? RescoreScore, Grade? RescoreGrade, bool Released,
    Grade? FinalGrade, string? FinalFrom, string? Note)
{
    /// <summary>The line of an approved (or published) 自评表, with its latest 复核 when drawn.</summary>
    public static ResultApplicationRow Of(Submission form, SpotCheckItem? spotCheck)
    {
        var selfScore = form.Content.ProjectForm?.StatedTotal ?? form.Score?.Total;
        var selfGrade = ResultApplication.SelfGrade(form.Content.ProjectForm?.StatedGrade, selfScore);
        var rescore = spotCheck?.Rescore;
        var final = ResultApplication.FinalGrade(selfGrade, form.Approval?.Grade, rescore?.Grade);
        return new ResultApplicationRow(form.Id, form.UnitId, form.UnitName, form.SectionName, form.Title, selfScore, selfGrade, form.Approval?.Grade,
            rescore?.Score, rescore?.Grade, spotCheck?.Release is not null, final?.Grade, final?.From, final is { } f ? ResultApplication.NoteFor(f.Grade).Note : null);
    }
}
