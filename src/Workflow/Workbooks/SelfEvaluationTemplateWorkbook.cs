using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Templates;

namespace Approval.Workflow.Workbooks;

/// <summary>
/// The downloadable 项目支出绩效自评表 template: <see cref="SelfEvaluationWorkbook"/> with an empty form for a chosen
/// year, laid out by the indicator template that applies to that year (so from 2023 on, with 成本指标 rows): two blank
/// rows under every 二级指标, the template's weights printed in the 一级 labels and the funds label, drop-down lists
/// for the 一级/二级 cells, and the 指标性质/度量单位 columns shown.
/// </summary>
public static class SelfEvaluationTemplateWorkbook
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    public const int BlankRowsPerLevelTwo = 2;

    public static bool IsSensibleYear(int year) => year is >= MinYear and <= MaxYear;

    public static byte[] Create(int year, IReadOnlyList<IndicatorTemplate>? templates = null)
    {
        if (!IsSensibleYear(year)) throw new ArgumentOutOfRangeException(nameof(year), year, $"年度应在 {MinYear}–{MaxYear} 之间");
        var template = TemplateFor(year, templates);
        return SelfEvaluationWorkbook.Write(EmptyForm(year, template), template, showNatureAndUnit: true);
    }

    /// <summary>The template that applies to <paramref name="year"/>: the latest one in force that year.</summary>
    public static IndicatorTemplate TemplateFor(int year, IReadOnlyList<IndicatorTemplate>? templates = null) =>
        BuiltInTemplates.ChooseFor([], year, templates);

    public static ProjectSelfEvaluationForm EmptyForm(int year, IndicatorTemplate template) => new()
    {
        Header = new ProjectHeader("", null, null, year),
        Funds = new FundsBlock
        {
            Total = new FundsLine("年度资金总额", null, null, null),
            SubRows = [new("当年财政拨款", null, null, null), new("上年结转资金", null, null, null), new("其他资金", null, null, null)],
            Weight = template.FundsWeight,
        },
        Indicators = template.LevelOnes
            .SelectMany(one => one.LevelTwos.SelectMany(two => Enumerable.Repeat(new IndicatorRow { LevelOne = one.Name, LevelTwo = two, Name = "", Weight = 0 }, BlankRowsPerLevelTwo)))
            .ToList(),
        StatedLevelOneWeights = template.LevelOnes.ToDictionary(l => l.Name, l => l.Weight),
        StatedWeightTotal = template.TotalWeight,
        TemplateId = template.Id,
    };
}
