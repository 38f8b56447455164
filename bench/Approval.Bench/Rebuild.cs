using System.Diagnostics;
using Approval.Web;
using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Submitting;
using Approval.Workflow.Templates;
using JasperFx.Events;
using Marten;

namespace Approval.Bench;

/// <summary>
/// Rebuilding every async projection over N events, against loading the same events with Marten's bulk COPY
/// append (the fastest way events get into the store) as the reference rate.
/// </summary>
public static class Rebuild
{
    public sealed record Result(long Events, double CopyEventsPerSecond, double RebuildEventsPerSecond, double RebuildSeconds);

    public static async Task<Result> MeasureAsync(string ownerConnection, long events, ProjectSelfEvaluationForm form)
    {
        using var store = new DocumentStore(ApprovalHost.BuildStoreOptions(ownerConnection, "approval", chainKey: null));
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var small = form with { Indicators = form.Indicators.Take(3).ToList(), Goal = new OverallGoal("", "") };
        var perStream = 5;
        var streams = (int)(events / perStream);
        // Ten projects per unit and year, as real units have: the 汇总审核表 documents stay their real size.
        var units = Math.Max(1, streams / 10);

        var copy = Stopwatch.StartNew();
        const int batch = 2000;
        for (var start = 0; start < streams; start += batch)
        {
            var actions = new List<StreamAction>();
            for (var i = start; i < Math.Min(streams, start + batch); i++)
            {
                var id = Guid.CreateVersion7();
                var unit = $"U-{i % units}";
                var preparer = new Actor($"prep-{i % units}", "填报人", Role.Preparer, unit);
                var reviewer = new Actor("rev", "经办人", Role.Reviewer, null, ["S-1"]);
                var score = new ScoreCard(1, 81.34m, Grade.良, "cz-2020-default", 1, null, []);
                actions.Add(StreamAction.Start(store.Events, id,
                    new SubmissionDrafted(id, unit, $"预算单位{i % units}", 2021, SubmissionKind.ProjectSelfEvaluation, $"项目 {i}", new SubmissionContent { ProjectForm = small }, preparer),
                    new SubmissionScored(id, score, preparer),
                    new SubmittedForReview(id, 1, 1, "S-1", "业务股", preparer),
                    new ReviewClaimed(id, 1, reviewer),
                    new SubmissionApproved(id, 1, Grade.良, Grade.良, null, "同意", "经办人", "章", reviewer)));
            }
            await store.BulkInsertEventsAsync(actions);
        }
        var copySeconds = copy.Elapsed.TotalSeconds;
        var total = (long)streams * perStream;

        // a store that is rebuilt has been running for a while
        await StoreMaintenance.SettleAsync(ownerConnection);
        var daemon = await store.BuildProjectionDaemonAsync();
        var timer = Stopwatch.StartNew();
        // the three read models are one composite projection: one pass over the events rebuilds them all
        await daemon.RebuildProjectionAsync(ApprovalHost.ReadModels, TimeSpan.FromMinutes(10), CancellationToken.None);
        var seconds = timer.Elapsed.TotalSeconds;
        return new Result(total, total / copySeconds, total / seconds, seconds);
    }
}
