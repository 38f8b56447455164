using Approval.Workflow.Submissions;
using Approval.Workflow.Templates;

namespace Approval.Workflow.SpotChecks;

/// <summary>A 自评质量 flag as the draw saw it: its rule, title and reason (with the figures) — evidence kept with the sample.</summary>
public sealed record SpotCheckFlag(string Rule, string Title, string Reason);

/// <summary>
/// A form in the sample, as it stood when drawn: whose it is (unit and section, which decide who sees it), its 自评得分 and
/// 自评等级 as the form states them, the 业务股室's 审核等级 and who approved it (who may not re-check it), and why it was drawn.
/// </summary>
public sealed record SampledForm(
    Guid SubmissionId, string UnitId, string UnitName, string SectionId, string SectionName, string Title,
    decimal? SelfScore, Grade? SelfGrade, Grade? ApprovedGrade, string? ApprovedByUserId,
    DrawReason Reason, int Weight, IReadOnlyList<SpotCheckFlag> Flags);

/// <summary>A note on one indicator of the re-scored form (optional): the row's id when the form has one, its name, the note.</summary>
public sealed record IndicatorNote(string? RowId, string Indicator, string Note);

/// <summary>
/// 抽取: a reviewer drew a sample of the year's approved 项目支出绩效自评表 of their sections. The whole population (ids and
/// flags) and the parameters are recorded, so that the draw can be re-run and checked: <see cref="SpotCheckSampling.Draw"/>
/// over <see cref="Population"/> with <see cref="Seed"/> gives <see cref="Sample"/>'s ids in order.
/// </summary>
public sealed record SpotCheckDrawn(
    Guid SpotCheckId, int FiscalYear, IReadOnlyList<string> SectionIds, int SampleSize, int RandomSharePercent, long Seed,
    IReadOnlyList<SpotCheckCandidate> Population, IReadOnlyList<SampledForm> Sample, Actor By);

/// <summary>复核评分: a reviewer re-scored one sampled form — 复核得分 (two decimals), its grade by the bands, and why.</summary>
public sealed record SpotCheckFormRescored(Guid SpotCheckId, Guid SubmissionId, decimal Score, Grade Grade, string Reasons, IReadOnlyList<IndicatorNote> Notes, Actor By);

/// <summary>结果告知: the form's 复核 result is released to its unit, which sees it on the form's page from then on; final.</summary>
public sealed record SpotCheckResultReleased(Guid SpotCheckId, Guid SubmissionId, Actor By);

public static class SpotCheckEvents
{
    public static readonly Type[] All = [typeof(SpotCheckDrawn), typeof(SpotCheckFormRescored), typeof(SpotCheckResultReleased)];
}
