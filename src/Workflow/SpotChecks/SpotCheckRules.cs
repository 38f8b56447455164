using Approval.Workflow.Submissions;
using Approval.Workflow.Templates;

namespace Approval.Workflow.SpotChecks;

/// <summary>
/// The decisions of a 抽查: what a draw may ask for, who may re-score a drawn form and with what, and when its result is
/// released. Pure: a refusal is a <see cref="SubmissionRuleException"/> carrying the Chinese message, mapped in one place.
/// </summary>
public static class SpotCheckRules
{
    public const int MaxSampleSize = 1000;
    /// <summary>The largest seed: 2^53 − 1, exact in JavaScript and JSON numbers, so the page shows the seed it was given.</summary>
    public const long MaxSeed = 9_007_199_254_740_991;
    public const int MaxReasonsLength = 2000;
    public const int MaxNoteLength = 500;
    public const int MaxNotes = 200;

    /// <summary>The request's fields that are wrong, each by its name; none when the draw may go on.</summary>
    public static IReadOnlyList<FieldProblem> DrawProblems(int? fiscalYear, int? sampleSize, int? randomSharePercent, long? seed)
    {
        List<FieldProblem> problems = [];
        if (fiscalYear is not (>= 2000 and <= 2100)) problems.Add(new("fiscalYear", "fiscal-year-invalid", "年度应为 2000–2100 之间的年份"));
        if (sampleSize is not (>= 1 and <= MaxSampleSize)) problems.Add(new("sampleSize", "sample-size-invalid", $"抽取份数应为 1–{MaxSampleSize} 的整数"));
        if (randomSharePercent is not (>= 0 and <= 100)) problems.Add(new("randomSharePercent", "random-share-invalid", "随机抽取比例应为 0–100 的整数（百分比）"));
        if (seed is < 0 or > MaxSeed) problems.Add(new("seed", "seed-invalid", $"随机种子应为 0–{MaxSeed} 的整数，不填则由系统生成"));
        return problems;
    }

    public static void RequireReviewer(Actor actor)
    {
        if (actor.Role != Role.Reviewer || (actor.SectionIds ?? []).Count == 0)
            throw new SubmissionRuleException(RuleViolation.Forbidden("not-reviewer", "只有财政局业务股室的审核人可以抽查和复核", "only a section's reviewer draws and re-scores"));
    }

    /// <summary>
    /// 抽取 over a population whose flags are known: the sample, in the order drawn, with each form's facts. The sampled
    /// forms' facts come from <paramref name="population"/> (one per candidate).
    /// </summary>
    public static SpotCheckDrawn Draw(Guid id, int fiscalYear, int sampleSize, int randomSharePercent, long seed,
        IReadOnlyList<(SpotCheckCandidate Candidate, SampledForm Form)> population, Actor actor)
    {
        RequireReviewer(actor);
        if (population.Count == 0)
            throw new SubmissionRuleException(RuleViolation.Conflict("population-empty",
                $"{fiscalYear} 年度本股室没有可抽取的项目支出绩效自评表（只抽审核通过或已公开、且未被本年度其他抽查抽中的）", "no approved form of the year left to draw"));
        var candidates = population.Select(p => p.Candidate).ToList();
        var forms = population.ToDictionary(p => p.Candidate.SubmissionId, p => p.Form);
        var drawn = SpotCheckSampling.Draw(candidates, sampleSize, randomSharePercent, seed);
        return new SpotCheckDrawn(id, fiscalYear, [.. (actor.SectionIds ?? []).Order(StringComparer.Ordinal)], sampleSize, randomSharePercent, seed,
            candidates, [.. drawn.Select(d => forms[d.SubmissionId] with { Reason = d.Reason, Weight = d.Weight })], actor);
    }

    /// <summary>Whether the recorded sample is what the recorded population, parameters and seed give.</summary>
    public static bool Reproduces(SpotCheck check) =>
        SpotCheckSampling.Draw(check.Population, check.SampleSize, check.RandomSharePercent, check.Seed).Select(d => d.SubmissionId)
            .SequenceEqual(check.Items.Select(i => i.Form.SubmissionId));

    /// <summary>
    /// 复核评分: a reviewer of the form's section who did not approve it (复核 is a second pair of eyes), before its result
    /// was released. The grade follows the bands; the reasons are required.
    /// </summary>
    public static SpotCheckFormRescored Rescore(SpotCheck check, Guid submissionId, decimal? score, string? reasons, IReadOnlyList<IndicatorNote>? notes, Actor actor)
    {
        var item = ItemFor(check, submissionId, actor);
        List<FieldProblem> problems = [];
        if (score is not { } s || s < 0 || s > 100 || decimal.Round(s, 2) != s)
            problems.Add(new("score", "score-invalid", "复核得分应为 0–100 的数，最多两位小数"));
        var text = reasons?.Trim() ?? "";
        if (text.Length == 0) problems.Add(new("reasons", "reasons-required", "请填写复核理由：复核得分与自评得分的差别从何而来"));
        else if (text.Length > MaxReasonsLength) problems.Add(new("reasons", "reasons-too-long", $"复核理由不超过 {MaxReasonsLength} 字"));
        if (!WellFormedText.Is(text)) problems.Add(new("reasons", "reasons-invalid", "复核理由含有无法识别的字符"));
        var kept = new List<IndicatorNote>();
        foreach (var (note, i) in (notes ?? []).Select((n, i) => (n, i)))
        {
            if (note is null || string.IsNullOrWhiteSpace(note.Indicator) || string.IsNullOrWhiteSpace(note.Note))
                problems.Add(new($"notes[{i}]", "note-invalid", $"第 {i + 1} 条逐项意见应写明指标和意见"));
            else if (note.Indicator.Trim().Length > 200 || note.Note.Trim().Length > MaxNoteLength || !WellFormedText.Is(note.Indicator) || !WellFormedText.Is(note.Note))
                problems.Add(new($"notes[{i}]", "note-invalid", $"第 {i + 1} 条逐项意见过长（指标不超过 200 字，意见不超过 {MaxNoteLength} 字）或含有无法识别的字符"));
            else kept.Add(new IndicatorNote(string.IsNullOrWhiteSpace(note.RowId) ? null : note.RowId.Trim(), note.Indicator.Trim(), note.Note.Trim()));
        }
        if (kept.Count > MaxNotes) problems.Add(new("notes", "notes-too-many", $"逐项意见不超过 {MaxNotes} 条"));
        if (problems.Count > 0) throw new SubmissionRuleException(RuleViolation.InvalidFields("rescore-invalid", "the re-score is incomplete or malformed", problems));
        if (item.Release is not null)
            throw new SubmissionRuleException(RuleViolation.Conflict("already-released", "复核结果已告知单位，不能再改", "the result was released"));
        if (item.Form.ApprovedByUserId == actor.UserId)
            throw new SubmissionRuleException(RuleViolation.Forbidden("own-approval", "这份自评表由您审核通过：复核应由本股室其他审核人进行（回避）", "the approving reviewer does not re-check their own approval"));
        return new SpotCheckFormRescored(check.Id, submissionId, score!.Value, GradeBands.Ministry.GradeOf(score.Value), text, kept, actor);
    }

    /// <summary>结果告知: a re-scored form's result goes to its unit, once.</summary>
    public static SpotCheckResultReleased Release(SpotCheck check, Guid submissionId, Actor actor)
    {
        var item = ItemFor(check, submissionId, actor);
        if (item.Rescore is null)
            throw new SubmissionRuleException(RuleViolation.Conflict("not-rescored", "尚未复核评分，没有可告知单位的结果", "re-score the form first"));
        if (item.Release is not null)
            throw new SubmissionRuleException(RuleViolation.Conflict("already-released", "复核结果已告知单位", "the result was already released"));
        return new SpotCheckResultReleased(check.Id, submissionId, actor);
    }

    /// <summary>The sampled form, for a reviewer of its section; another section's form is as absent as one never drawn.</summary>
    private static SpotCheckItem ItemFor(SpotCheck check, Guid submissionId, Actor actor)
    {
        RequireReviewer(actor);
        return check.Item(submissionId) is { } item && SpotCheckAccess.CanSee(actor, item)
            ? item
            : throw new SubmissionRuleException(RuleViolation.Conflict("not-sampled", "这份自评表不在本次抽查样本中（或不属于您的业务股室）", "the form is not in this sample"));
    }
}
