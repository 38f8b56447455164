using Approval.Workflow.Templates;

namespace Approval.Workflow.SpotChecks;

/// <summary>What a grade means for next year's budget: the bureau's note and the wording it rests on (docs/rules.md, 结果应用).</summary>
public sealed record BudgetNote(Grade Grade, string Note, string Source);

/// <summary>
/// 结果应用: the final grade of a form — its 复核等级 when re-checked, else the 业务股室's 审核等级, else the 自评等级 it states —
/// and the bureau's note for next year's budget, as data.
/// </summary>
public static class ResultApplication
{
    private const string Opinions = "《中共中央 国务院关于全面实施预算绩效管理的意见》（中发〔2018〕34号）";
    private const string Measures = "《项目支出绩效评价管理办法》（财预〔2020〕10号）";

    public static readonly IReadOnlyList<BudgetNote> Notes =
    [
        new(Grade.优, "优先保障", $"{Opinions}：对绩效好的政策和项目原则上优先保障；{Measures}：评价等级为优、良的，根据情况予以支持"),
        new(Grade.良, "原则上保持，予以支持", $"{Measures}：评价等级为优、良的，根据情况予以支持"),
        new(Grade.中, "督促整改，压减或调整预算", $"{Opinions}：对绩效一般的政策和项目要督促改进；{Measures}：评价等级为中、差的，要完善政策、改进管理，根据情况核减预算"),
        new(Grade.差, "原则上不予安排（削减或取消）", $"{Opinions}：对低效无效资金一律削减或取消；{Measures}：评价等级为中、差的，根据情况核减预算，不整改或整改不到位的相应调减预算或整改到位后再予安排"),
    ];

    public static BudgetNote NoteFor(Grade grade) => Notes.First(n => n.Grade == grade);

    /// <summary>Which grade the note follows, and from where: 复核等级, else 审核等级, else 自评等级; null when none is known.</summary>
    public static (Grade Grade, string From)? FinalGrade(Grade? selfGrade, Grade? approvedGrade, Grade? rescoredGrade) =>
        rescoredGrade is { } r ? (r, "复核等级")
        : approvedGrade is { } a ? (a, "审核等级")
        : selfGrade is { } s ? (s, "自评等级")
        : null;

    /// <summary>The 自评等级 a form states; else the band of its stated 自评得分.</summary>
    public static Grade? SelfGrade(string? statedGrade, decimal? selfScore) =>
        Grades.TryParse(statedGrade, out var g) ? g : selfScore is { } s ? GradeBands.Ministry.GradeOf(s) : null;
}
