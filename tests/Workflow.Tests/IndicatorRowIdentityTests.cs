using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Submitting;

namespace Approval.Workflow.Tests;

/// <summary>
/// 三级指标 rows are one row across versions by their id, never by their name: the diff names only the row that changed,
/// two rows of one name are told apart, and content recorded before rows had ids still reads as it was.
/// </summary>
public class IndicatorRowIdentityTests
{
    private static readonly Actor Preparer = new("clerk", "王填报", Role.Preparer, "U-001");
    private static readonly Actor Reviewer = new("officer", "张经办", Role.Reviewer, null, ["S-1"]);

    private static IndicatorRow Row(string? id, string levelTwo, string name, decimal weight, string target = "≥95%") =>
        new() { Id = id, LevelOne = "产出", LevelTwo = levelTwo, Name = name, Target = target, Actual = target, Weight = weight, StatedScore = weight };

    /// <summary>A form whose 数量 and 质量 rows share the name 覆盖率 (rows 2 and 3).</summary>
    private static List<IndicatorRow> Rows(bool withIds) =>
    [
        Row(withIds ? "a1" : null, "数量", "建设数量", 20, "6个"),
        Row(withIds ? "a2" : null, "数量", "覆盖率", 5),
        Row(withIds ? "a3" : null, "质量", "覆盖率", 10),
        Row(withIds ? "a4" : null, "时效", "完成及时率", 10, "100%"),
    ];

    private static SubmissionContent Content(IReadOnlyList<IndicatorRow> rows) => new()
    {
        ProjectForm = new ProjectSelfEvaluationForm
        {
            Header = new ProjectHeader("政务数据共享平台", "上饶市大数据发展管理局", "上饶市大数据发展管理局", 2021),
            Funds = new FundsBlock { Total = new FundsLine("年度资金总额", 100m, 100m, 97.7m) },
            Indicators = rows,
        },
    };

    private static IReadOnlyList<string> Diff(IReadOnlyList<IndicatorRow> before, IReadOnlyList<IndicatorRow> after) =>
        ContentDiff.Between(Content(before), Content(after));

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // recorded before rows had ids
    public void Changing_one_of_two_rows_of_one_name_names_that_row_only(bool withIds)
    {
        var before = Rows(withIds);
        var after = Rows(withIds);
        after[2] = after[2] with { Weight = 15, StatedScore = 15 };

        var changes = Diff(before, after);

        Assert.Equal(["指标「覆盖率」（产出/质量）分值：10 → 15", "指标「覆盖率」（产出/质量）得分：10 → 15"], changes);
    }

    [Fact]
    public void Rows_reordered_are_one_change_and_no_row_is_said_to_have_moved_between_levels()
    {
        var before = Rows(withIds: true);
        List<IndicatorRow> after = [before[0], before[2], before[1], before[3]];

        Assert.Equal(["指标顺序：已调整"], Diff(before, after));
    }

    [Fact]
    public void A_row_inserted_before_others_is_the_only_change_and_a_deleted_row_the_only_one_gone()
    {
        var before = Rows(withIds: true);
        List<IndicatorRow> inserted = [before[0], Row("n1", "数量", "覆盖率", 3), .. before.Skip(1)];
        List<IndicatorRow> deleted = [before[0], before[2], before[3]];

        Assert.Equal(["新增指标「覆盖率」（产出/数量，第 2 项指标）（分值 3）"], Diff(before, inserted));
        Assert.Equal(["删除指标「覆盖率」（产出/数量）"], Diff(before, deleted));
    }

    [Fact]
    public void Legacy_rows_are_matched_by_levels_and_name_so_an_insertion_does_not_shift_every_later_row()
    {
        var before = Rows(withIds: false);
        List<IndicatorRow> after = [before[0], Row(null, "时效", "响应时间", 2, "≤2小时"), .. before.Skip(1)];

        Assert.Equal(["新增指标「响应时间」（分值 2）"], Diff(before, after));
    }

    [Fact]
    public void A_renamed_row_is_a_rename_and_not_a_deletion_and_an_addition()
    {
        var before = Rows(withIds: true);
        var after = Rows(withIds: true);
        after[1] = after[1] with { Name = "平台覆盖率" };

        Assert.Equal(["指标「覆盖率」（产出/数量）名称：「覆盖率」→「平台覆盖率」"], Diff(before, after));
    }

    [Fact]
    public void Legacy_content_edited_in_the_editor_keeps_the_ids_it_was_shown_so_only_the_edit_is_reported()
    {
        var legacy = Content(Rows(withIds: false));
        var shown = IndicatorRowIds.WithIds(legacy.ProjectForm!); // what the editor gets: r1…r4
        Assert.Equal(["r1", "r2", "r3", "r4"], shown.Indicators.Select(i => i.Id));
        var rows = shown.Indicators.ToList();
        rows[1] = rows[1] with { Actual = "90%", StatedScore = 4 };

        var changes = ContentDiff.Between(legacy, legacy with { ProjectForm = shown with { Indicators = rows } });

        Assert.Equal(["指标「覆盖率」（产出/数量）实际完成值：「≥95%」→「90%」", "指标「覆盖率」（产出/数量）得分：5 → 4"], changes);
    }

    [Fact]
    public void Revising_keeps_the_ids_rows_bring_matches_rows_without_ids_and_gives_new_rows_new_ids()
    {
        var drafted = DraftRules.Draft(Guid.NewGuid(), "U-001", "上饶市大数据发展管理局", 2021, SubmissionKind.ProjectSelfEvaluation, "自评表",
            Content(Rows(withIds: false)), Preparer, Ids("d"));
        Assert.Equal(["d1", "d2", "d3", "d4"], drafted.Content.ProjectForm!.Indicators.Select(i => i.Id));
        var draft = Fold(drafted);

        // A client that sends no ids (a re-import, an older API client): the rows keep theirs by levels and name.
        List<IndicatorRow> reimported = [.. Rows(withIds: false).Take(3), Row(null, "时效", "响应时间", 2), Rows(withIds: false)[3]];
        reimported[2] = reimported[2] with { Weight = 8, StatedScore = 8 };
        var revised = DraftRules.Revise(draft, null, Content(reimported), Preparer, Ids("n"));

        Assert.Equal(["d1", "d2", "d3", "n1", "d4"], revised.Content.ProjectForm!.Indicators.Select(i => i.Id));
        Assert.Equal(["指标「覆盖率」（产出/质量）分值：10 → 8", "指标「覆盖率」（产出/质量）得分：10 → 8", "新增指标「响应时间」（分值 2）"], revised.Changes);
    }

    [Theory]
    [InlineData("d1", "d1", "指标行标识「d1」重复：每行一个标识")]
    [InlineData("<script>", "d2", "指标行标识须为 1–40 个英文字母、数字、- 或 _")]
    [InlineData("", "d2", "指标行标识须为 1–40 个英文字母、数字、- 或 _")]
    [InlineData("r 1", "d2", "指标行标识须为 1–40 个英文字母、数字、- 或 _")]
    public void Duplicate_or_malformed_ids_are_refused(string first, string second, string message)
    {
        var rows = Rows(withIds: false);
        rows[0] = rows[0] with { Id = first };
        rows[1] = rows[1] with { Id = second };

        var e = Assert.Throws<SubmissionRuleException>(() => DraftRules.Draft(Guid.NewGuid(), "U-001", "上饶市大数据发展管理局", 2021,
            SubmissionKind.ProjectSelfEvaluation, "自评表", Content(rows), Preparer));

        Assert.Equal(("content-invalid", message), (e.Violation.Code, e.Violation.Message));
    }

    [Fact]
    public void A_row_without_an_id_is_written_without_one_so_a_stored_event_reads_and_hashes_as_it_was_written()
    {
        var legacy = System.Text.Json.JsonSerializer.Serialize(Rows(withIds: false)[0]);
        Assert.DoesNotContain("\"Id\"", legacy, StringComparison.Ordinal);
        var read = System.Text.Json.JsonSerializer.Deserialize<IndicatorRow>(legacy)!;
        Assert.Null(read.Id);
        Assert.Equal(legacy, System.Text.Json.JsonSerializer.Serialize(read));
        Assert.Contains("\"Id\":\"a1\"", System.Text.Json.JsonSerializer.Serialize(Rows(withIds: true)[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_remark_on_one_of_two_rows_of_one_name_is_on_that_row_only_and_named_by_its_levels()
    {
        var claimed = Claimed(Rows(withIds: true));

        var returned = ReviewRules.Return(claimed, "请核对覆盖率", [new RowRemark("随便写的", "质量覆盖率应为 10 分") { RowId = "a3" }], Reviewer);
        var comment = ReviewRules.Comment(claimed, "数量覆盖率口径？", null, Reviewer, rowId: "a2");

        var remark = Assert.Single(returned.RowRemarks);
        Assert.Equal(("覆盖率（产出/质量）", "a3"), (remark.RowReference, remark.RowId)); // the server names the row, not the client
        Assert.True(remark.IsOn("a3", "覆盖率"));
        Assert.False(remark.IsOn("a2", "覆盖率"));
        Assert.Equal(("覆盖率（产出/数量）", "a2"), (comment.RowReference, comment.RowId));
        Assert.Equal("张经办 添加审核意见（覆盖率（产出/数量））：数量覆盖率口径？", comment.Describe());
    }

    [Fact]
    public void A_remark_recorded_before_rows_had_ids_still_shows_on_the_rows_of_its_name()
    {
        var legacy = new RowRemark("覆盖率", "请核对");

        Assert.True(legacy.IsOn("a2", "覆盖率"));
        Assert.True(legacy.IsOn("a3", "覆盖率"));
        Assert.False(legacy.IsOn("a1", "建设数量"));
        Assert.DoesNotContain("RowId", System.Text.Json.JsonSerializer.Serialize(legacy), StringComparison.Ordinal);
    }

    [Fact]
    public void A_remark_on_a_row_the_report_does_not_have_or_two_remarks_on_one_row_are_refused()
    {
        var claimed = Claimed(Rows(withIds: true));

        var unknown = Assert.Throws<SubmissionRuleException>(() => ReviewRules.Return(claimed, "退回", [new RowRemark("", "x") { RowId = "zz" }], Reviewer));
        var twice = Assert.Throws<SubmissionRuleException>(() =>
            ReviewRules.Return(claimed, "退回", [new RowRemark("", "x") { RowId = "a2" }, new RowRemark("", "y") { RowId = "a2" }], Reviewer));
        var comment = Assert.Throws<SubmissionRuleException>(() => ReviewRules.Comment(claimed, "意见", null, Reviewer, rowId: "zz"));

        Assert.Equal(["row-unknown", "row-remark-twice", "row-unknown"], new[] { unknown, twice, comment }.Select(e => e.Violation.Code));
    }

    private static Submission Claimed(IReadOnlyList<IndicatorRow> rows)
    {
        var events = new List<object> { DraftRules.Draft(Guid.NewGuid(), "U-001", "上饶市大数据发展管理局", 2021, SubmissionKind.ProjectSelfEvaluation, "自评表", Content(rows), Preparer) };
        events.Add(DraftRules.Score(Fold([.. events]), Preparer));
        events.Add(SubmitRules.Submit(Fold([.. events]), "S-1", "经济建设股", Preparer));
        events.Add(ReviewRules.Claim(Fold([.. events]), Reviewer));
        return Fold([.. events]);
    }

    private static Func<string> Ids(string prefix)
    {
        var n = 0;
        return () => prefix + (++n).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Submission Fold(params object[] events) => EventStream.Fold(new DateTimeOffset(2022, 8, 12, 9, 0, 0, TimeSpan.FromHours(8)), events);
}
