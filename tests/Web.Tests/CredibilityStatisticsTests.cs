using System.Net;
using Approval.Web.Submissions.Credibility;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests;

/// <summary>
/// The dashboard's 自评质量 per unit and section counts the verdicts of sent 自评表 the caller may see: a reviewer their
/// sections only, the bureau's admin everything of that bureau, another bureau nothing; drafts never.
/// </summary>
[Collection(ApiLane.Name)]
public class CredibilityStatisticsTests(WorkflowFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.BeginClassAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    private const int Year = 2043;

    private Task<Guid> Sent(string user, string project) => app.Reports.Submitted(user, project, Samples.YiyangProject(project, 100m, 95m, 91.5m), year: Year);

    [Fact]
    public async Task Each_caller_counts_the_flags_of_what_they_may_see()
    {
        await Sent("prep", "质量甲");
        await Sent("prep-yy", "质量乙");
        await Sent("prep-other", "质量丙");
        await app.Reports.Scored("prep", "质量草稿", Samples.YiyangProject("质量草稿", 100m, 95m, 91.5m), year: Year); // a draft is the unit's own: counted nowhere

        var admin = await app.Get<CredibilityStatisticsView>("admin", $"/api/statistics/credibility?year={Year}");
        Assert.Equal((3, 3, 3), (admin.Total.Forms, admin.Total.Scored, admin.Total.FlaggedForms));
        Assert.Equal(admin.Total.NeedsAttention + admin.Total.ManyDoubts, admin.Total.FlaggedForms);
        Assert.Equal(["经济建设股", "行政政法股"], admin.BySection.Select(s => s.Name).Order());
        Assert.Equal(2, admin.BySection.Single(s => s.Key == "S-1").Forms);
        Assert.Equal(3, admin.ByUnit.Count);
        Assert.True(admin.Total.Flags >= 3);

        var rev = await app.Get<CredibilityStatisticsView>("rev", $"/api/statistics/credibility?year={Year}");
        Assert.Equal(["U-BD", "U-YY"], rev.ByUnit.Select(u => u.Key).Order());
        Assert.Equal("S-1", Assert.Single(rev.BySection).Key);
        var other = await app.Get<CredibilityStatisticsView>("rev-other", $"/api/statistics/credibility?year={Year}");
        Assert.Equal("U-OT", Assert.Single(other.ByUnit).Key);
        Assert.Equal(admin.ByUnit.Single(u => u.Key == "U-OT"), other.ByUnit[0]);

        var yiyang = await app.Get<CredibilityStatisticsView>("admin-b", $"/api/statistics/credibility?year={Year}");
        Assert.Equal((0, 0), (yiyang.Total.Forms, yiyang.ByUnit.Count));
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Send("prep", HttpMethod.Get, "/api/statistics/credibility")).StatusCode);
    }
}
