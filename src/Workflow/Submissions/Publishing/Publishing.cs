using Approval.Workflow.Templates;

namespace Approval.Workflow.Submissions.Publishing;

/// <summary>
/// 公开: the approved report goes public, with its index entry (索引号, 发布机构) and the gates it passed
/// (保密审查：已审查, 主要负责人审签：已审签).
/// </summary>
public sealed record SubmissionPublished(Guid SubmissionId, int PublicationVersion, string IndexNumber, string Publisher, bool ConfidentialityReviewed, bool PrincipalSigned, Actor By)
    : ISubmissionEvent
{
    public SubmissionState StateAfter(SubmissionState before) => SubmissionState.Published;
    public string ActionName() => "公开发布";
    public string Describe() => $"{By.Display} 公开发布（索引号 {IndexNumber}，发布机构 {Publisher}；保密审查：已审查；主要负责人审签：已审签）";
    public EventNotice Notice(string title, string unitName) => new("published", $"「{title}」已公开");
}

/// <summary>
/// A correction after publication: a new published version with corrected content and its score; the
/// previous version stays in the record.
/// </summary>
public sealed record CorrectionPublished(
    Guid SubmissionId, int PublicationVersion, int ContentVersion, SubmissionContent Content, ScoreCard Score, string Reason, IReadOnlyList<string> Changes, Actor By)
    : ISubmissionEvent
{
    public SubmissionState StateAfter(SubmissionState before) => SubmissionState.Published;
    public string ActionName() => "发布更正";
    public string Describe() => $"{By.Display} 发布更正（第 {PublicationVersion} 版）：{Reason}";
    public EventNotice Notice(string title, string unitName) => new("corrected", Describe());
}

/// <summary>公开 as the publisher asks for it: the 索引号, the 发布机构 and both gates (保密审查, 主要负责人审签).</summary>
public sealed record PublishCommand(string? IndexNumber, string? Publisher, bool ConfidentialityReviewed, bool PrincipalSigned);

/// <summary>发布更正: the corrected content, the reason and both gates.</summary>
public sealed record CorrectCommand(SubmissionContent Content, string? Reason, bool ConfidentialityReviewed, bool PrincipalSigned);

public static class PublishRules
{
    /// <summary>公开: a reviewer of the section (or an administrator), of an approved report not yet public.</summary>
    public static SubmissionPublished Decide(Submission submission, PublishCommand command, Actor by) =>
        Publish(submission, command.IndexNumber ?? "", command.Publisher ?? "", command.ConfidentialityReviewed, command.PrincipalSigned, by);

    /// <summary>发布更正: a new published version of a published report, scored again; the earlier one stays on record.</summary>
    public static CorrectionPublished Decide(Submission submission, CorrectCommand command, Actor by, IReadOnlyList<IndicatorTemplate>? templates = null) =>
        Correct(submission, command.Content, command.Reason ?? "", command.ConfidentialityReviewed, command.PrincipalSigned, by, templates);

    /// <summary>An 索引号 is a short catalogue key (e.g. 11361100MB1599473B/2022-00123); the API document states the same bound.</summary>
    public const int MaxIndexNumberLength = 100;

    public static SubmissionPublished Publish(Submission submission, string indexNumber, string publisher, bool confidentialityReviewed, bool principalSigned, Actor by)
    {
        by = RequirePublishable(submission, by);
        var fields = new List<FieldProblem>();
        var index = Field(fields, "indexNumber", indexNumber, "index-required", "请填写索引号");
        if (index is { Length: > MaxIndexNumberLength })
            fields.Add(new("indexNumber", "index-too-long", $"索引号不能超过 {MaxIndexNumberLength} 个字符（现为 {index.Length} 个）"));
        var issuer = Field(fields, "publisher", publisher, "publisher-required", "请填写发布机构");
        fields.AddRange(GateProblems(confidentialityReviewed, principalSigned));
        if (fields.Count > 0) throw new SubmissionRuleException(RuleViolation.InvalidFields(fields.Count == 1 ? fields[0].Code : "publication-incomplete",
            "publication incomplete: " + string.Join(", ", fields.Select(f => f.Code)), fields));
        return new SubmissionPublished(submission.Id, 1, index!, issuer!, true, true, by);
    }

    public static CorrectionPublished Correct(Submission submission, SubmissionContent content, string reason, bool confidentialityReviewed, bool principalSigned, Actor by,
        IReadOnlyList<IndicatorTemplate>? templates = null)
    {
        by = RequireCorrectable(submission, by);
        RequireGates(confidentialityReviewed, principalSigned);
        if (!content.Matches(submission.Kind))
            throw new SubmissionRuleException(RuleViolation.Invalid("content-kind", "更正内容与报告类型不符", "content does not match the kind"));
        foreach (var problem in Drafting.ContentValidation.Problems(content))
            throw new SubmissionRuleException(RuleViolation.Invalid("content-invalid", problem, problem));
        content = content.WithRowIds(submission.Content);
        var changes = ContentDiff.Between(submission.Content, content);
        if (changes.Count == 0) throw new SubmissionRuleException(RuleViolation.Invalid("no-change", "更正内容与已公开版本相同", "nothing changed"));
        var version = submission.ContentVersion + 1;
        return new CorrectionPublished(submission.Id, submission.PublicationVersion + 1, version, content,
            SubmissionScoring.Score(submission.Kind, content, version, templates),
            Reviewing.ReviewRules.RequireText(reason, "reason-required", "请填写更正原因"), changes, by);
    }

    /// <summary>公开: a publisher, of an approved report not yet public.</summary>
    internal static Actor RequirePublishable(Submission submission, Actor by)
    {
        by = RequirePublisher(submission, by);
        if (submission.State == SubmissionState.Published)
            throw new SubmissionRuleException(RuleViolation.Conflict("already-published", "报告已公开；如需更正请发布更正版本", "already published"));
        if (submission.State != SubmissionState.Approved)
            throw new SubmissionRuleException(RuleViolation.Conflict("not-approved", $"报告当前为「{submission.State.Chinese()}」，审核通过后才能公开", "approve before publishing"));
        return by;
    }

    /// <summary>发布更正: a publisher, of a published report.</summary>
    internal static Actor RequireCorrectable(Submission submission, Actor by)
    {
        by = RequirePublisher(submission, by);
        if (submission.State != SubmissionState.Published)
            throw new SubmissionRuleException(RuleViolation.Conflict("not-published", "只有已公开的报告才能发布更正", "only a published report can be corrected"));
        return by;
    }

    /// <summary>Publication is the finance bureau's act: the section's reviewers (or an admin).</summary>
    private static Actor RequirePublisher(Submission submission, Actor by) =>
        by.Role == Role.Admin ? by : Reviewing.ReviewRules.RequireSectionReviewer(submission, by);

    /// <summary>Both gates, each failure named: a correction is refused for all of them at once, as a publication is.</summary>
    private static void RequireGates(bool confidentialityReviewed, bool principalSigned)
    {
        var fields = GateProblems(confidentialityReviewed, principalSigned);
        if (fields.Count > 0) throw new SubmissionRuleException(RuleViolation.InvalidFields(fields.Count == 1 ? fields[0].Code : "publication-incomplete",
            "publication gates not passed: " + string.Join(", ", fields.Select(f => f.Code)), fields));
    }

    private static List<FieldProblem> GateProblems(bool confidentialityReviewed, bool principalSigned)
    {
        var fields = new List<FieldProblem>();
        if (!confidentialityReviewed) fields.Add(new("confidentialityReviewed", "confidentiality-review", "公开前须完成保密审查"));
        if (!principalSigned) fields.Add(new("principalSigned", "principal-signature", "公开前须经主要负责人审签"));
        return fields;
    }

    /// <summary>A required text of the index entry: the cleaned text, or null with its problem added.</summary>
    private static string? Field(List<FieldProblem> fields, string name, string text, string code, string message)
    {
        try
        {
            return Reviewing.ReviewRules.RequireText(text, code, message);
        }
        catch (SubmissionRuleException e)
        {
            fields.Add(new(name, code, e.Violation.Message));
            return null;
        }
    }
}
