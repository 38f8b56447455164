using Approval.Web.Submissions.Queries;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Templates;

namespace Approval.Web.Tests;

/// <summary>
/// The queue's filters, sorts and pages are answered by PostgreSQL: each filter gives exactly the items of the whole
/// section's list that match it, paged with totals, and the counts are the section's whatever the filter.
/// </summary>
[Collection(ApiLane.Name)]
public class ReviewQueueFilterTests(WorkflowFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.BeginClassAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    private const int Year = 2039;

    private async Task<Guid> Sent(string project, decimal executed, decimal total) =>
        await app.Reports.Submitted(title: project, content: Samples.YiyangProject(project, 100m, executed, total), year: Year);

    [Fact]
    public async Task Each_filter_sort_and_page_is_the_whole_lists_answer()
    {
        var ids = new List<Guid>();
        foreach (var (project, executed, total) in new[] { ("队列甲", 99m, 96m), ("队列乙", 60m, 70m), ("队列丙", 90m, 85m), ("队列丁", 95m, 91.5m) })
            ids.Add(await Sent(project, executed, total));
        await app.Command("rev", $"/api/submissions/{ids[1]}/claim", new { version = 3 });

        var all = (await app.Get<ReviewQueue>("rev", $"/api/review-queue?year={Year}&state=all&pageSize=200")).Items;
        Assert.Equal(ids.Order(), all.Select(i => i.Id).Order());

        async Task<IReadOnlyList<Guid>> Shown(string query) =>
            [.. (await app.Get<ReviewQueue>("rev", $"/api/review-queue?year={Year}&state=all&pageSize=200&{query}")).Items.Select(i => i.Id)];

        foreach (var grade in Enum.GetValues<Grade>())
            Assert.Equal(all.Where(i => (i.Grade ?? i.SuggestedGrade) == grade).Select(i => i.Id), await Shown($"grade={grade}"));
        Assert.Equal(all.Where(i => i.ErrorCount > 0).Select(i => i.Id), await Shown("hasErrors=true"));
        Assert.Equal(all.Where(i => i.ErrorCount == 0).Select(i => i.Id), await Shown("hasErrors=false"));
        Assert.Equal([ids[1]], await Shown("mine=true"));
        Assert.Equal(all.OrderBy(i => i.SubmittedAt).Select(i => i.Id), await Shown("sort=age"));
        Assert.Equal(all.OrderBy(i => i.DueAt).ThenBy(i => i.SubmittedAt).Select(i => i.Id), all.Select(i => i.Id));

        // two to a page: the pages together are the list, in order, with its total
        var first = await app.Get<ReviewQueue>("rev", $"/api/review-queue?year={Year}&state=all&pageSize=2&page=1");
        var second = await app.Get<ReviewQueue>("rev", $"/api/review-queue?year={Year}&state=all&pageSize=2&page=2");
        Assert.Equal((4L, 2L), (first.Total, first.Pages));
        Assert.Equal(all.Select(i => i.Id), first.Items.Concat(second.Items).Select(i => i.Id));
        // the counts are the section's (of the year), whatever is shown
        Assert.Equal((3, 1), (first.Counts.Submitted, first.Counts.InReview));
        Assert.Equal(first.Counts, (await app.Get<ReviewQueue>("rev", $"/api/review-queue?year={Year}&mine=true")).Counts);
    }
}
