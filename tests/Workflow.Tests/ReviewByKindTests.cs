using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Submitting;
using Approval.Workflow.Templates;
using JasperFx.Events;

namespace Approval.Workflow.Tests;

/// <summary>
/// Review by kind: a 部门决算公开 package is approved or returned without 优/良/中/差 and is then due for publication
/// 20 calendar days after its 批复日期 (预算法 §14); a 部门整体 report keeps its grade.
/// </summary>
public class ReviewByKindTests
{
    private static readonly Actor Preparer = new("clerk", "王填报", Role.Preparer, "U-001");
    private static readonly Actor Reviewer = new("officer", "张经办", Role.Reviewer, null, ["S-1"]);

    private static Submission Fold(params object[] events) => EventStream.Fold(new DateTimeOffset(2022, 8, 12, 9, 0, 0, TimeSpan.FromHours(8)), events);

    /// <summary>A submission of <paramref name="kind"/> claimed by the reviewer, with its stream so far.</summary>
    private static (Submission State, List<object> Events) Claimed(SubmissionKind kind, SubmissionContent content)
    {
        var events = new List<object> { DraftRules.Draft(Guid.NewGuid(), "U-001", "上饶市大数据发展管理局", 2021, kind, "2021年度部门决算", content, Preparer) };
        events.Add(DraftRules.Score(Fold([.. events]), Preparer));
        events.Add(SubmitRules.Submit(Fold([.. events]), "S-1", "经济建设股", Preparer));
        events.Add(ReviewRules.Claim(Fold([.. events]), Reviewer));
        return (Fold([.. events]), events);
    }

    private static SubmissionContent Package(DateOnly? approvedOn = null)
    {
        var report = Seeds.Import(Seeds.ShangraoBigData2021);
        return new SubmissionContent { Disclosure = new DisclosurePackage(report.Tables, report.Narrative) { BudgetApprovedOn = approvedOn } };
    }

    private static void Refused(string code, string message, Action act)
    {
        var e = Assert.Throws<SubmissionRuleException>(act);
        Assert.Equal((ViolationKind.Invalid, code, message), (e.Violation.Kind, e.Violation.Code, e.Violation.Message));
    }

    [Fact]
    public void A_package_is_approved_without_a_grade_and_a_grade_sent_for_it_is_refused()
    {
        var (claimed, events) = Claimed(SubmissionKind.FinalAccountsDisclosure, Package(new DateOnly(2022, 8, 10)));
        Refused("grade-not-applicable", "部门决算公开审核只作通过或退回，不评定等级",
            () => ReviewRules.Approve(claimed, Grade.良, null, "同意公开", "张经办", "章", Reviewer));
        Refused("grade-not-applicable", "部门决算公开审核只作通过或退回，不评定等级",
            () => ReviewRules.Approve(claimed, (Grade?)null, "改评", "同意公开", "张经办", "章", Reviewer));
        // As a request writes it: any grade text for a package, even one that is no grade, is one too many (found from outside: "无").
        Refused("grade-not-applicable", "部门决算公开审核只作通过或退回，不评定等级",
            () => ReviewRules.ApproveAsWritten(claimed, "无", null, "同意公开", "张经办", "章", Reviewer));
        Assert.IsType<DisclosurePackageApproved>(ReviewRules.ApproveAsWritten(claimed, " ", null, "同意公开", "张经办", "章", Reviewer));

        var approved = Assert.IsType<DisclosurePackageApproved>(ReviewRules.Approve(claimed, (Grade?)null, null, "同意公开", "张经办", "经济建设股业务专用章", Reviewer));
        Assert.Equal("张经办 审核通过（部门决算公开，不评定等级）；经办人签名 张经办", approved.Describe());
        Assert.Equal(new EventNotice("approved", "「2021年度部门决算」审核通过"), approved.Notice("2021年度部门决算", "上饶市大数据发展管理局"));

        var after = Fold([.. events, approved]);
        Assert.Equal(SubmissionState.Approved, after.State);
        Assert.Null(after.Approval!.Grade);
        Assert.Equal(("同意公开", "张经办", "经济建设股业务专用章"), (after.Approval.Opinion, after.Approval.Signature, after.Approval.StampReference));
        Assert.Equal("审核通过", after.CurrentRound!.Outcome);
        // and it is published like any approved report
        Assert.Equal(SubmissionState.Published, PublishRules.Publish(after, "DSJ-2021-JS", "上饶市大数据发展管理局", true, true, Reviewer).StateAfter(after.State));
    }

    [Fact]
    public void A_department_report_and_a_project_form_still_need_their_grade()
    {
        var department = new SubmissionContent { Department = new DepartmentSelfEvaluation("部门整体支出绩效自评报告……自评得分97.44分", 97.44m) };
        foreach (var (kind, content) in new[] { (SubmissionKind.DepartmentSelfEvaluation, department), (SubmissionKind.ProjectSelfEvaluation, new SubmissionContent { ProjectForm = Seeds.Import(Seeds.ShangraoBigData2021).Forms[1] }) })
        {
            var (claimed, _) = Claimed(kind, content);
            Refused("grade-required", "请评定等级：优、良、中、差", () => ReviewRules.Approve(claimed, (Grade?)null, null, "同意", "张经办", "章", Reviewer));
            Refused("grade", "审核意见只能是 优、良、中、差（收到「无」）", () => ReviewRules.ApproveAsWritten(claimed, "无", null, "同意", "张经办", "章", Reviewer));
            var suggested = claimed.Score?.SuggestedGrade ?? Grade.优;
            var approved = Assert.IsType<SubmissionApproved>(ReviewRules.Approve(claimed, suggested, null, "同意", "张经办", "章", Reviewer));
            Assert.Equal(suggested, approved.Grade);
        }
        Assert.False(ReviewRules.IsGraded(SubmissionKind.FinalAccountsDisclosure));
        Assert.All([SubmissionKind.ProjectSelfEvaluation, SubmissionKind.DepartmentSelfEvaluation, SubmissionKind.SummaryReview], k => Assert.True(ReviewRules.IsGraded(k)));
    }

    [Theory]
    [InlineData("2022-08-10", "2022-08-30")] // 20 calendar days, weekends included
    [InlineData("2022-12-20", "2023-01-09")] // across the year's end
    [InlineData("2024-02-15", "2024-03-06")] // a leap February
    public void Publication_is_due_twenty_calendar_days_after_the_budget_approval(string approvedOn, string due) =>
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            PublicationDeadline.DueOn(DateOnly.Parse(approvedOn, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Overdue_due_soon_on_time_published_or_unknown_depends_on_the_day_given()
    {
        var approved = new DateOnly(2022, 8, 10); // due 2022-08-30
        Assert.Equal((DeadlineStanding.OnTime, 14, "应于 2022-08-30 前公开，剩余 14 天"), Of(PublicationDeadline.Status(approved, false, new DateOnly(2022, 8, 16))));
        Assert.Equal((DeadlineStanding.DueSoon, 5, "应于 2022-08-30 前公开，剩余 5 天"), Of(PublicationDeadline.Status(approved, false, new DateOnly(2022, 8, 25))));
        Assert.Equal((DeadlineStanding.DueSoon, 0, "应于 2022-08-30 前公开，今日到期"), Of(PublicationDeadline.Status(approved, false, new DateOnly(2022, 8, 30))));
        Assert.Equal((DeadlineStanding.Overdue, -1, "应于 2022-08-30 前公开，已逾期 1 天"), Of(PublicationDeadline.Status(approved, false, new DateOnly(2022, 8, 31))));
        Assert.Equal(DeadlineStanding.Published, PublicationDeadline.Status(approved, true, new DateOnly(2023, 1, 1)).Standing);
        Assert.Equal((DeadlineStanding.Unknown, (int?)null, "未填写批复日期，无法计算公开期限"), Of(PublicationDeadline.Status(null, false, new DateOnly(2022, 8, 31))));
        Assert.Equal((DeadlineStanding.Published, (int?)null, "已公开（未填写批复日期，公开期限无从计算）"), Of(PublicationDeadline.Status(null, true, new DateOnly(2022, 8, 31))));

        static (DeadlineStanding, int?, string) Of(DeadlineStatus s) => (s.Standing, s.DaysLeft, s.Describe());
    }

    [Fact]
    public void Today_is_the_day_in_Beijing_of_the_injected_clock()
    {
        // 2022-08-30 17:00 UTC is already 2022-08-31 in Beijing: the package approved on 08-10 is overdue there.
        var clock = new FixedClock(new DateTimeOffset(2022, 8, 30, 17, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2022, 8, 31), PublicationDeadline.Today(clock));
        Assert.Equal(DeadlineStanding.Overdue, PublicationDeadline.Status(new DateOnly(2022, 8, 10), false, PublicationDeadline.Today(clock)).Standing);
    }

    [Fact]
    public void A_budget_approval_before_the_year_closed_or_in_the_future_is_refused()
    {
        var today = new DateOnly(2022, 9, 1);
        Assert.Null(PublicationDeadline.Problem(null, 2021, today));
        Assert.Null(PublicationDeadline.Problem(new DateOnly(2022, 1, 1), 2021, today));
        Assert.Null(PublicationDeadline.Problem(today, 2021, today));
        Assert.Equal("批复日期 2021-12-31 不可能早于 2021 年度结束：决算在年度终了后才能批复，请填写 2022 年或以后的日期",
            PublicationDeadline.Problem(new DateOnly(2021, 12, 31), 2021, today));
        Assert.Equal("批复日期 2022-09-02 晚于今天（2022-09-01），请填写财政部门实际批复的日期", PublicationDeadline.Problem(new DateOnly(2022, 9, 2), 2021, today));
        var e = Assert.Throws<SubmissionRuleException>(() => PublicationDeadline.RequirePlausible(Package(new DateOnly(2021, 6, 1)), 2021, today));
        Assert.Equal((ViolationKind.Invalid, "budget-approved-on"), (e.Violation.Kind, e.Violation.Code));
    }

    [Fact]
    public void Entering_the_budget_approval_date_is_a_change_the_reviewer_reads()
    {
        Assert.Equal(["批复日期：— → 2022-08-10"], ContentDiff.Between(Package(), Package(new DateOnly(2022, 8, 10))));
        Assert.Equal(["批复日期：2022-08-10 → 2022-08-11"], ContentDiff.Between(Package(new DateOnly(2022, 8, 10)), Package(new DateOnly(2022, 8, 11))));
    }

    [Fact]
    public void The_review_queue_carries_the_package_deadline()
    {
        var (_, events) = Claimed(SubmissionKind.FinalAccountsDisclosure, Package(new DateOnly(2022, 8, 10)));
        var projection = new ReviewQueueProjection();
        ReviewQueueItem? item = null;
        var id = ((SubmissionDrafted)events[0]).SubmissionId;
        for (var i = 0; i < events.Count; i++)
        {
            var wrapped = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(events[i].GetType()), events[i])!;
            wrapped.Version = i + 1;
            item = projection.Evolve(item, id, wrapped);
        }
        Assert.Equal((new DateOnly(2022, 8, 10), new DateOnly(2022, 8, 30)), (item!.BudgetApprovedOn, item.PublicationDueOn));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
