using Approval.Workflow.Checking;
using Approval.Workflow.SelfEvaluation;

namespace Approval.Workflow.Submissions;

/// <summary>What changed between two versions of a submission's content, in words a reviewer reads.</summary>
public static class ContentDiff
{
    public static IReadOnlyList<string> Between(SubmissionContent before, SubmissionContent after)
    {
        var changes = new List<string>();
        if (before.ProjectForm is { } a && after.ProjectForm is { } b) Form(a, b, changes);
        else if (before.ProjectForm is not null != after.ProjectForm is not null) changes.Add("自评表：整体替换");
        if (before.Department is { } da && after.Department is { } db)
        {
            if (da.StatedScore != db.StatedScore) changes.Add($"自评得分：{Show(da.StatedScore)} → {Show(db.StatedScore)}");
            DepartmentReportDiff.Between(da.Narrative ?? "", db.Narrative ?? "", changes);
            if (da.StatedGrade != db.StatedGrade) changes.Add($"评价等级：{da.StatedGrade ?? "—"} → {db.StatedGrade ?? "—"}");
        }
        if (before.Disclosure is { } pa && after.Disclosure is { } pb)
        {
            DisclosureDiff.Between(pa, pb, changes);
            AttachedForms(pa.Forms, pb.Forms, changes);
        }
        if (before.Summary is { } sa && after.Summary is { } sb)
        {
            if (sa.UnitProjectExpenditure != sb.UnitProjectExpenditure) changes.Add($"项目支出总额：{Show(sa.UnitProjectExpenditure)} → {Show(sb.UnitProjectExpenditure)}");
            if (sa.UnitProjectCount != sb.UnitProjectCount)
                changes.Add($"部门项目总个数：{sa.UnitProjectCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"} → {sb.UnitProjectCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"}");
            Text("说明", sa.Note, sb.Note, changes);
        }
        if (!before.Attachments.SequenceEqual(after.Attachments)) changes.Add($"附件：{before.Attachments.Count} 个 → {after.Attachments.Count} 个");
        return changes;
    }

    /// <summary>A package's 附件 自评表, paired by project (else by place): each change named with its 附件, as the form's own diff words it.</summary>
    private static void AttachedForms(IReadOnlyList<AttachedForm> before, IReadOnlyList<AttachedForm> after, List<string> changes)
    {
        var matched = new HashSet<AttachedForm>();
        foreach (var (form, k) in after.Select((f, k) => (f, k)))
        {
            var old = before.FirstOrDefault(b => !matched.Contains(b) && b.Form.Header.ProjectName == form.Form.Header.ProjectName)
                ?? (before.ElementAtOrDefault(k) is { } same && !matched.Contains(same) && after.All(a => a.Form.Header.ProjectName != same.Form.Header.ProjectName) ? same : null);
            if (old is null)
            {
                changes.Add($"{form.Name}：新增");
                continue;
            }
            matched.Add(old);
            var own = new List<string>();
            Form(old.Form, form.Form, own);
            if (old.Label != form.Label) own.Insert(0, $"附件编号：{old.Label ?? "—"} → {form.Label ?? "—"}");
            changes.AddRange(own.Select(c => $"{form.Name} {c}"));
        }
        foreach (var removed in before.Where(b => !matched.Contains(b))) changes.Add($"{removed.Name}：删除");
    }

    private static void Form(ProjectSelfEvaluationForm a, ProjectSelfEvaluationForm b, List<string> changes)
    {
        Text("项目名称", a.Header.ProjectName, b.Header.ProjectName, changes);
        Text("主管部门", a.Header.SupervisingDepartment, b.Header.SupervisingDepartment, changes);
        Text("实施单位", a.Header.ImplementingUnit, b.Header.ImplementingUnit, changes);
        if (a.Header.Year != b.Header.Year) changes.Add($"年度：{a.Header.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"} → {b.Header.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"}");
        Compare("年初预算数", a.Funds.Total.InitialBudget, b.Funds.Total.InitialBudget, changes);
        Compare("全年预算数", a.Funds.Total.FullYearBudget, b.Funds.Total.FullYearBudget, changes);
        Compare("全年执行数", a.Funds.Total.Executed, b.Funds.Total.Executed, changes);
        Compare("预算执行得分", a.Funds.StatedScore, b.Funds.StatedScore, changes);
        Compare("预算执行分值", a.Funds.Weight, b.Funds.Weight, changes);
        if (!a.Funds.SubRows.SequenceEqual(b.Funds.SubRows)) SubRows(a.Funds.SubRows, b.Funds.SubRows, changes);
        Text("年度总体目标（预期目标）", a.Goal.Expected, b.Goal.Expected, changes);
        Text("年度总体目标（实际完成情况）", a.Goal.Actual, b.Goal.Actual, changes);

        Indicators(a.Indicators, b.Indicators, changes);
        Compare("总分分值", a.StatedWeightTotal, b.StatedWeightTotal, changes);
        Compare("总分", a.StatedTotal, b.StatedTotal, changes);
        if (a.StatedGrade != b.StatedGrade) changes.Add($"评价等级：{a.StatedGrade ?? "—"} → {b.StatedGrade ?? "—"}");
        foreach (var level in a.StatedLevelOneWeights.Keys.Union(b.StatedLevelOneWeights.Keys))
            Compare($"{level}指标标注分值", a.StatedLevelOneWeights.GetValueOrDefault(level), b.StatedLevelOneWeights.GetValueOrDefault(level), changes);
        Text("评分模板", a.TemplateId, b.TemplateId, changes);
    }

    /// <summary>
    /// 绩效指标 row by row, each row matched to its earlier self by its id (<see cref="IndicatorRowIds.Pair"/>), never by
    /// its name: a row named like another is told apart by its levels or place.
    /// </summary>
    private static void Indicators(IReadOnlyList<IndicatorRow> a, IReadOnlyList<IndicatorRow> b, List<string> changes)
    {
        var pairs = IndicatorRowIds.Pair(a, b);
        for (var n = 0; n < b.Count; n++)
        {
            var i = b[n];
            var label = $"指标{IndicatorRowIds.Quoted(b, n)}";
            if (pairs[n] is not { } o) { changes.Add($"新增指标{IndicatorRowIds.Quoted(b, n)}（分值 {i.Weight}）"); continue; }
            var old = a[o];
            if (old.Name != i.Name) changes.Add($"指标{IndicatorRowIds.Quoted(a, o)}名称：「{Cut(old.Name)}」→「{Cut(i.Name)}」");
            if (old.Target != i.Target) changes.Add($"{label}年度指标值：「{old.Target}」→「{i.Target}」");
            if (old.Actual != i.Actual) changes.Add($"{label}实际完成值：「{old.Actual}」→「{i.Actual}」");
            if (old.Weight != i.Weight) changes.Add($"{label}分值：{old.Weight} → {i.Weight}");
            if (old.StatedScore != i.StatedScore) changes.Add($"{label}得分：{Show(old.StatedScore)} → {Show(i.StatedScore)}");
            Text($"{label}偏差原因", old.Deviation, i.Deviation, changes);
            Text($"{label}指标性质", old.Nature, i.Nature, changes);
            Text($"{label}度量单位", old.Unit, i.Unit, changes);
            if (old.LevelOne != i.LevelOne || old.LevelTwo != i.LevelTwo) changes.Add($"{label}归类：{old.LevelOne}/{old.LevelTwo} → {i.LevelOne}/{i.LevelTwo}");
        }
        var kept = pairs.OfType<int>().ToHashSet();
        for (var o = 0; o < a.Count; o++)
            if (!kept.Contains(o)) changes.Add($"删除指标{IndicatorRowIds.Quoted(a, o)}");
        var order = pairs.OfType<int>().ToList();
        if (!order.SequenceEqual(order.Order())) changes.Add("指标顺序：已调整");
    }

    /// <summary>资金来源明细 by line name: each changed figure old → new, lines added or removed.</summary>
    private static void SubRows(IReadOnlyList<FundsLine> a, IReadOnlyList<FundsLine> b, List<string> changes)
    {
        var before = a.GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.First());
        var count = changes.Count;
        foreach (var row in b)
        {
            if (!before.TryGetValue(row.Name, out var old))
            {
                changes.Add($"资金来源明细：新增「{row.Name}」（年初预算数 {Show(row.InitialBudget)}，全年预算数 {Show(row.FullYearBudget)}，全年执行数 {Show(row.Executed)}）");
                continue;
            }
            Compare($"资金来源明细「{row.Name}」年初预算数", old.InitialBudget, row.InitialBudget, changes);
            Compare($"资金来源明细「{row.Name}」全年预算数", old.FullYearBudget, row.FullYearBudget, changes);
            Compare($"资金来源明细「{row.Name}」全年执行数", old.Executed, row.Executed, changes);
        }
        foreach (var removed in a.Where(o => b.All(n => n.Name != o.Name))) changes.Add($"资金来源明细：删除「{removed.Name}」");
        if (changes.Count == count) changes.Add($"资金来源明细：顺序调整为 {string.Join("、", b.Select(r => r.Name))}");
    }

    private static void Compare(string name, decimal? before, decimal? after, List<string> changes)
    {
        if (before != after) changes.Add($"{name}：{Show(before)} → {Show(after)}");
    }

    /// <summary>Old and new text, each cut to a readable length: the audit's full diff has the rest.</summary>
    private static void Text(string name, string? before, string? after, List<string> changes)
    {
        if ((before ?? "") == (after ?? "")) return;
        changes.Add($"{name}：「{Cut(before)}」→「{Cut(after)}」");
    }

    private static string Cut(string? text) =>
        string.IsNullOrEmpty(text) ? "（空）" : text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 80), "…");

    private static string Show(decimal? v) => v is { } d ? Money.Exact(d) : "—";
}
