using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;

namespace Approval.Web.Tests;

/// <summary>Async projections use event timestamps, never the clock: rebuilding them from the events gives the same documents.</summary>
public class ProjectionRebuildTests(WorkflowFixture app) : IClassFixture<WorkflowFixture>
{
    [Fact]
    public async Task Rebuilding_every_async_projection_reproduces_the_same_documents()
    {
        foreach (var (unitUser, project) in new[] { ("prep-yy", "A"), ("prep-yy", "B"), ("prep", "C") })
        {
            var created = await app.Command(unitUser, "/api/submissions",
                new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title = project, content = Samples.YiyangProject(project, 10m, 9m, 90m) }, 201);
            var id = created.GetProperty("submissionId").GetGuid();
            await app.Command(unitUser, $"/api/submissions/{id}/score", new { version = 1 });
            await app.Command(unitUser, $"/api/submissions/{id}/submit", new { version = 2 });
            await app.Command("rev", $"/api/submissions/{id}/claim", new { version = 3 });
            await app.Command("rev", $"/api/submissions/{id}/approve", new { version = 4, grade = "优", opinion = "同意", signature = "张经办", stamp = "章" });
            await app.Command("rev", $"/api/submissions/{id}/publish", new { version = 5, indexNumber = $"IDX-{project}", publisher = "单位", confidentialityReviewed = true, principalSigned = true });
        }
        var before = await ReadModel.SnapshotAsync(app.Store);
        Assert.Contains("IDX-C", before);

        await ReadModel.RebuildAllAsync(app.Store);
        Assert.Equal(before, await ReadModel.SnapshotAsync(app.Store));
    }
}
