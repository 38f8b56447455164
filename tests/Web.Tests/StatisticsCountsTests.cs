using Approval.Web.Submissions.Queries;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests;

/// <summary>
/// 统计's counts, made by PostgreSQL from the queue's scope: by state, grade and overdue review, in total, per 股室 and per
/// unit — exactly the forms each caller may see (a reviewer their sections', the 审计 the bureau's, another bureau none),
/// drafts never, and overdue once the app's clock is past the review deadline.
/// </summary>
public class StatisticsCountsTests(MovableClockFixture app) : IClassFixture<MovableClockFixture>
{
    private const int Year = 2042;

    private async Task<(Guid Id, long Version)> Sent(string preparer, string title) =>
        (await app.Reports.Submitted(preparer, title, Samples.YiyangProject(title, 100m, 95m, 91.5m), year: Year), 3);

    private async Task<long> Claimed(string reviewer, (Guid Id, long Version) sent) =>
        (await app.Command(reviewer, $"/api/submissions/{sent.Id}/claim", new { version = sent.Version })).GetProperty("version").GetInt64();

    /// <summary>Approved with the engine's suggested grade, which is returned.</summary>
    private async Task<string> Approved(string reviewer, Guid id)
    {
        var submission = await app.Load(id);
        var grade = submission.Score!.SuggestedGrade!.Value.ToString();
        await app.Command(reviewer, $"/api/submissions/{id}/approve", new { version = submission.Version, grade, opinion = "同意", stamp = "财政局审核专用章" });
        return grade;
    }

    private static Dictionary<string, int> States(int submitted = 0, int inReview = 0, int returned = 0, int approved = 0, int published = 0) => new()
    {
        ["Submitted"] = submitted, ["InReview"] = inReview, ["Returned"] = returned, ["Approved"] = approved, ["Published"] = published,
    };

    private static void AssertCounts(GroupStatistics group, Dictionary<string, int> states, Dictionary<string, int> grades, int overdue)
    {
        foreach (var (state, count) in states) Assert.True(group.ByState.GetValueOrDefault(state) == count, $"{group.Name} {state}: {group.ByState.GetValueOrDefault(state)} ≠ {count}");
        Assert.Equal(states.Values.Sum(), group.ByState.Values.Sum());
        foreach (var (grade, count) in grades) Assert.True(group.ByGrade[grade] == count, $"{group.Name} {grade}: {group.ByGrade[grade]} ≠ {count}");
        Assert.Equal(grades.Values.Sum(), group.ByGrade.Values.Sum());
        Assert.Equal(overdue, group.Overdue);
    }

    [Fact]
    public async Task Counts_by_state_grade_and_overdue_are_those_of_the_forms_each_caller_sees()
    {
        app.Clock.Reset();
        // 经济建设股: 大数据局 sends five (待审核, 审核中, 已通过, 已公开, 已退回) and keeps a draft; 政务服务中心 sends one.
        await Sent("prep", "统计-待审核");
        await Claimed("rev", await Sent("prep", "统计-审核中"));
        var approved = await Sent("prep", "统计-已通过");
        await Claimed("rev", approved);
        var approvedGrade = await Approved("rev", approved.Id);
        var published = await Sent("prep", "统计-已公开");
        await Claimed("rev", published);
        var publishedGrade = await Approved("rev", published.Id);
        await app.Command("rev", $"/api/submissions/{published.Id}/publish",
            new { version = (await app.Load(published.Id)).Version, indexNumber = "TJ-1", publisher = "单位", confidentialityReviewed = true, principalSigned = true });
        var returned = await Sent("prep", "统计-已退回");
        await app.Command("rev", $"/api/submissions/{returned.Id}/return",
            new { version = await Claimed("rev", returned), reason = "请修改", rowRemarks = new[] { new { rowReference = "企业满意度", remark = "请核对" } } });
        await app.Reports.Draft(title: "统计-草稿", year: Year);
        await Sent("prep-yy", "统计-政务服务中心");
        // 行政政法股: 其他单位's one, approved; and another bureau's form, in review there.
        var otherSection = await Sent("prep-other", "统计-他股室");
        await Claimed("rev-other", otherSection);
        var otherGrade = await Approved("rev-other", otherSection.Id);
        await Claimed("rev-b", await Sent("prep-b", "统计-他局"));

        Dictionary<string, int> Grades(params string[] given) => given.GroupBy(g => g).ToDictionary(g => g.Key, g => g.Count());

        // Before any deadline: nothing overdue.
        var rev = await app.Get<Statistics>("rev", $"/api/statistics?year={Year}");
        AssertCounts(rev.Total, States(submitted: 2, inReview: 1, returned: 1, approved: 1, published: 1), Grades(approvedGrade, publishedGrade), 0);
        // The queue's own six counts are of the same scope.
        Assert.Equal(new QueueCounts(2, 1, 0, 1, 1, 1), (await app.Get<ReviewQueue>("rev", $"/api/review-queue?year={Year}")).Counts);

        // Thirty days on, the 待审核 and 审核中 forms are past their review deadline (15 days after submission).
        app.Clock.SetTo(DateTimeOffset.UtcNow.AddDays(30));
        try
        {
            rev = await app.Get<Statistics>("rev", $"/api/statistics?year={Year}");
            AssertCounts(rev.Total, States(submitted: 2, inReview: 1, returned: 1, approved: 1, published: 1), Grades(approvedGrade, publishedGrade), 3);
            Assert.Equal(new QueueCounts(2, 1, 3, 1, 1, 1), (await app.Get<ReviewQueue>("rev", $"/api/review-queue?year={Year}")).Counts);
            Assert.Equal(new QueueCounts(2, 1, 3, 1, 2, 1), (await app.Get<ReviewQueue>("audit", $"/api/review-queue?year={Year}")).Counts);
            Assert.Equal(new QueueCounts(0, 1, 1, 0, 0, 0), (await app.Get<ReviewQueue>("rev-b", $"/api/review-queue?year={Year}")).Counts);
            Assert.Equal(new QueueCounts(0, 0, 0, 0, 1, 0), (await app.Get<ReviewQueue>("rev-other", $"/api/review-queue?year={Year}")).Counts);
            AssertCounts(Assert.Single(rev.BySection), States(submitted: 2, inReview: 1, returned: 1, approved: 1, published: 1), Grades(approvedGrade, publishedGrade), 3);
            Assert.Equal(("S-1", "经济建设股"), (rev.BySection[0].Key, rev.BySection[0].Name));
            Assert.Equal(["U-BD", "U-YY"], rev.ByUnit.Select(u => u.Key).Order());
            AssertCounts(rev.ByUnit.Single(u => u.Key == "U-BD"), States(submitted: 1, inReview: 1, returned: 1, approved: 1, published: 1), Grades(approvedGrade, publishedGrade), 2);
            AssertCounts(rev.ByUnit.Single(u => u.Key == "U-YY"), States(submitted: 1), [], 1);
            Assert.Equal("上饶市大数据发展管理局", rev.ByUnit.Single(u => u.Key == "U-BD").Name);

            var audit = await app.Get<Statistics>("audit", $"/api/statistics?year={Year}");
            AssertCounts(audit.Total, States(submitted: 2, inReview: 1, returned: 1, approved: 2, published: 1), Grades(approvedGrade, publishedGrade, otherGrade), 3);
            Assert.Equal(["S-1", "S-2"], audit.BySection.Select(s => s.Key).Order());
            AssertCounts(audit.BySection.Single(s => s.Key == "S-2"), States(approved: 1), Grades(otherGrade), 0);
            Assert.Equal(["U-BD", "U-OT", "U-YY"], audit.ByUnit.Select(u => u.Key).Order());

            var other = await app.Get<Statistics>("rev-other", $"/api/statistics?year={Year}");
            AssertCounts(other.Total, States(approved: 1), Grades(otherGrade), 0);
            Assert.Equal(["U-OT"], other.ByUnit.Select(u => u.Key));

            // Every year: the same forms (nothing else of this bureau is sent in this app), and the latest year reported on.
            var allYears = await app.Get<Statistics>("audit", "/api/statistics");
            AssertCounts(allYears.Total, States(submitted: 2, inReview: 1, returned: 1, approved: 2, published: 1), Grades(approvedGrade, publishedGrade, otherGrade), 3);
            Assert.Equal(Year, allYears.ReportingYear);

            // A unit renamed after it sent its form is one row, under its name of today.
            await app.Command("admin", "/api/admin/units/U-YY", new { name = "弋阳县政务服务中心（更名）" }, method: HttpMethod.Put);
            var renamed = (await app.Get<Statistics>("rev", $"/api/statistics?year={Year}")).ByUnit.Where(u => u.Key == "U-YY").ToList();
            Assert.Equal("弋阳县政务服务中心（更名）", Assert.Single(renamed).Name);

            // Another bureau counts its own form only.
            var yiyang = await app.Get<Statistics>("audit-b", $"/api/statistics?year={Year}");
            AssertCounts(yiyang.Total, States(inReview: 1), [], 1);
            Assert.Equal(["U-BD"], yiyang.ByUnit.Select(u => u.Key));
            Assert.Equal("弋阳县大数据中心", yiyang.ByUnit[0].Name);
        }
        finally
        {
            app.Clock.Reset();
        }
    }
}
