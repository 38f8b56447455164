using System.Diagnostics;
using Approval.Web;
using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Submitting;
using Approval.Workflow.Templates;
using JasperFx.Events;
using Marten;

namespace Approval.Bench;

/// <summary>
/// Fills a store with finished submissions of real size — the seed 自评表, its real score card, the whole
/// lifecycle, chain-free — and brings every read model up to date, so that the product can be measured with
/// 10,000 or 100,000 submissions already there.
/// </summary>
public static class Growth
{
    private static Submission Fold(DocumentStore store, Guid id, object[] lifecycle)
    {
        Submission? submission = null;
        var at = DateTimeOffset.UtcNow;
        for (var v = 0; v < lifecycle.Length; v++)
        {
            var e = store.Events.BuildEvent(lifecycle[v]);
            e.StreamId = id;
            e.Version = v + 1;
            e.Timestamp = at;
            submission = Submission.After(submission, e);
        }
        return submission!;
    }

    public sealed record Loaded(long Submissions, long Events, double LoadSeconds, double ProjectSeconds);

    public static async Task<Loaded> PreloadAsync(string ownerConnection, int from, int to, ProjectSelfEvaluationForm form)
    {
        using var store = new DocumentStore(ApprovalHost.BuildStoreOptions(ownerConnection, "approval", chainKey: null));
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var card = SubmissionScoring.Score(SubmissionKind.ProjectSelfEvaluation, new SubmissionContent { ProjectForm = form }, 2);
        var reviewer = new Actor("rev-pre", "经办人", Role.Reviewer, null, ["S-0"]);
        var load = Stopwatch.StartNew();
        var events = 0L;
        const int batch = 1000;
        for (var start = from; start < to; start += batch)
        {
            var actions = new List<StreamAction>();
            var snapshots = new List<Submission>();
            var sheets = new List<ScoreSheet>();
            for (var i = start; i < Math.Min(to, start + batch); i++)
            {
                var id = Guid.CreateVersion7();
                var unit = $"P-{i / 10}"; // ten projects per unit and year, as real units have
                var preparer = new Actor($"prep-p{i / 10}", "填报人", Role.Preparer, unit);
                var content = new SubmissionContent { ProjectForm = form };
                object[] lifecycle =
                [
                    new SubmissionDrafted(id, unit, $"预算单位 P{i / 10}", 2020 + i % 3, SubmissionKind.ProjectSelfEvaluation, $"项目 {i}", content, preparer),
                    new DraftRevised(id, 2, $"项目 {i}", content, ["全年执行数：300 → 301"], preparer),
                    new SubmissionScored(id, card, preparer),
                    new SubmittedForReview(id, 1, 2, "S-0", "业务股", preparer),
                    new ReviewClaimed(id, 1, reviewer),
                    new SubmissionApproved(id, 1, Grade.良, Grade.良, null, "同意", "经办人", "业务专用章", reviewer),
                    new SubmissionPublished(id, 1, $"P-{i}", "预算单位", true, true, reviewer),
                ];
                actions.Add(StreamAction.Start(store.Events, id, lifecycle));
                events += lifecycle.Length;
                // Bulk COPY bypasses inline projections: fold the snapshot here, as the inline projection would.
                snapshots.Add(Fold(store, id, lifecycle));
                sheets.Add(new ScoreSheet { Id = id, Card = card });
            }
            await store.BulkInsertEventsAsync(actions);
            await store.BulkInsertDocumentsAsync(snapshots);
            await store.BulkInsertDocumentsAsync(sheets);
        }
        var loadSeconds = load.Elapsed.TotalSeconds;

        var project = Stopwatch.StartNew();
        var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync(ApprovalHost.ReadModels, TimeSpan.FromMinutes(20), CancellationToken.None);
        // the notifications of history were never sent to anyone: the subscription starts at the present
        await StoreMaintenance.SettleAsync(ownerConnection,
            "insert into approval.mt_event_progression (name, last_seq_id, last_updated) select 'NotificationSubscription:All', max(seq_id), now() from approval.mt_events " +
            "on conflict (name) do update set last_seq_id = excluded.last_seq_id");
        return new Loaded(to, events, loadSeconds, project.Elapsed.TotalSeconds);
    }
}
