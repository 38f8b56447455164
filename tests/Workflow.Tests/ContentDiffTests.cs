using Approval.Workflow.Submissions;

namespace Approval.Workflow.Tests;

/// <summary>What a reviewer reads in "与上一轮相比的修改" and the auditor in the trail: every part of the form, old → new.</summary>
public class ContentDiffTests
{
    private static SubmissionContent Ganfutong() =>
        new() { ProjectForm = Seeds.Import(Seeds.ShangraoBigData2021).Forms.Single(f => f.Header.ProjectName.Contains("赣服通", StringComparison.Ordinal)) };

    [Fact]
    public void Header_goal_total_row_grade_and_row_nature_and_unit_changes_are_named_with_old_and_new_text()
    {
        var before = Ganfutong();
        var form = before.ProjectForm!;
        var rows = form.Indicators.ToList();
        rows[12] = rows[12] with { Nature = "≥", Unit = "%" };
        var after = before with
        {
            ProjectForm = form with
            {
                Header = form.Header with { SupervisingDepartment = "上饶市人民政府办公室" },
                Goal = form.Goal with { Actual = "按期完成全部建设内容。" },
                Indicators = rows,
                StatedWeightTotal = 85,
                StatedTotal = 81.34m,
                StatedGrade = "良",
                Funds = form.Funds with { Weight = 15 },
            },
        };

        var changes = ContentDiff.Between(before, after);

        Assert.Contains("主管部门：「（空）」→「上饶市人民政府办公室」", changes);
        Assert.Contains(changes, c => c.StartsWith("年度总体目标（实际完成情况）：「1. 全力推广", StringComparison.Ordinal) && c.EndsWith("→「按期完成全部建设内容。」", StringComparison.Ordinal));
        Assert.Contains("指标「企业满意度」指标性质：「（空）」→「≥」", changes);
        Assert.Contains("指标「企业满意度」度量单位：「（空）」→「%」", changes);
        Assert.Contains("总分分值：90 → 85", changes);
        Assert.Contains("总分：87.5 → 81.34", changes);
        Assert.Contains("评价等级：优 → 良", changes);
        Assert.Contains("预算执行分值：10 → 15", changes); // a change nobody names would be refused as 内容没有变化
        Assert.DoesNotContain(changes, c => c.Contains("项目名称", StringComparison.Ordinal));
        Assert.Empty(ContentDiff.Between(before, before));
    }

    [Fact]
    public void A_changed_funds_line_says_which_line_and_figure_old_to_new()
    {
        var before = Ganfutong();
        var form = before.ProjectForm!;
        var lines = form.Funds.SubRows.ToList();
        lines[0] = lines[0] with { Executed = 12.34m };
        var after = before with { ProjectForm = form with { Funds = form.Funds with { SubRows = [.. lines, new("社会捐赠资金", null, 1m, 1m)] } } };

        var changes = ContentDiff.Between(before, after);

        Assert.Contains($"资金来源明细「{lines[0].Name}」全年执行数：{(form.Funds.SubRows[0].Executed is { } old ? Checking.Money.Exact(old) : "—")} → 12.34", changes);
        Assert.Contains(changes, c => c.StartsWith("资金来源明细：新增「社会捐赠资金」", StringComparison.Ordinal));
        Assert.DoesNotContain(changes, c => c.Contains("已修改", StringComparison.Ordinal));
    }

    [Fact]
    public void The_department_report_text_shows_the_changed_sentence_old_to_new()
    {
        const string Text = "一、部门概况。本部门共有人员 25 人。\n二、预算执行情况。全年预算执行率为 95.5%。";
        var before = new SubmissionContent { Department = new DepartmentSelfEvaluation(Text, 95m) };
        var after = new SubmissionContent { Department = new DepartmentSelfEvaluation(Text.Replace("95.5%", "97.2%", StringComparison.Ordinal), 95m) };

        var changes = ContentDiff.Between(before, after);

        Assert.Equal(["报告正文第 2 部分第 1 段：「全年预算执行率为 95.5%。」→「全年预算执行率为 97.2%。」"], changes);
    }

    [Fact]
    public void A_figure_changed_in_seed_001s_report_is_named_by_its_part_and_sentence_not_by_a_line_of_the_pdf()
    {
        var text = Seeds.Import(Seeds.YiyangGovService2021).Narrative;
        var before = new SubmissionContent { Department = new DepartmentSelfEvaluation(text, 97.44m, "优秀") };
        var after = new SubmissionContent { Department = new DepartmentSelfEvaluation(text.Replace("编制 4 人；", "编制 3 人；", StringComparison.Ordinal), 97.44m, "优秀") };

        var change = Assert.Single(ContentDiff.Between(before, after));

        Assert.StartsWith("报告正文「一、部门概述和基本情况」第 ", change, StringComparison.Ordinal);
        Assert.EndsWith("其中参照公务员管理的事业编制人数为 7 人，补助事业编制 4 人；」→「编制人数共 10人，其中参照公务员管理的事业编制人数为 7 人，补助事业编制 3 人；」", change, StringComparison.Ordinal);
    }
}
