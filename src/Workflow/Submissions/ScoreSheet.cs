using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Publishing;
using Marten.Events.Aggregation;

namespace Approval.Workflow.Submissions;

/// <summary>
/// The latest <see cref="ScoreCard"/> of a submission in full — every finding with its location and every
/// indicator's explanation. Projected inline beside the <see cref="Submission"/> snapshot but written only by
/// the events that score, so the snapshot every command rewrites stays small.
/// </summary>
public sealed class ScoreSheet
{
    public Guid Id { get; set; }
    public ScoreCard Card { get; set; } = null!;
}

public sealed partial class ScoreSheetProjection : SingleStreamProjection<ScoreSheet, Guid>
{
    public static ScoreSheet Create(SubmissionScored e) => new() { Id = e.SubmissionId, Card = e.Score };

    public static ScoreSheet Create(CorrectionPublished e) => new() { Id = e.SubmissionId, Card = e.Score };

    public static void Apply(SubmissionScored e, ScoreSheet sheet) => sheet.Card = e.Score;

    public static void Apply(CorrectionPublished e, ScoreSheet sheet) => sheet.Card = e.Score;
}
