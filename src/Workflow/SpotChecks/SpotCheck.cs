using Approval.Workflow.Submissions;
using Approval.Workflow.Templates;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Approval.Workflow.SpotChecks;

/// <summary>
/// One 抽查 draw and its 复核, folded from its own stream (kept inline: the commands write on it, the pages read it).
/// Times come from the events' timestamps.
/// </summary>
public sealed class SpotCheck
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public int FiscalYear { get; set; }
    /// <summary>The drawer's sections: the population was their approved forms.</summary>
    public List<string> SectionIds { get; set; } = [];
    public int SampleSize { get; set; }
    public int RandomSharePercent { get; set; }
    public long Seed { get; set; }
    public List<SpotCheckCandidate> Population { get; set; } = [];
    public List<SpotCheckItem> Items { get; set; } = [];
    public Actor DrawnBy { get; set; } = new("", "", Role.Reviewer);
    public DateTimeOffset DrawnAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public SpotCheckItem? Item(Guid submissionId) => Items.FirstOrDefault(i => i.Form.SubmissionId == submissionId);

    public static SpotCheck After(SpotCheck? current, IEvent e)
    {
        var s = current ?? new SpotCheck();
        switch (e.Data)
        {
            case SpotCheckDrawn d:
                (s.Id, s.FiscalYear, s.SampleSize, s.RandomSharePercent, s.Seed, s.DrawnBy, s.DrawnAt) = (d.SpotCheckId, d.FiscalYear, d.SampleSize, d.RandomSharePercent, d.Seed, d.By, e.Timestamp);
                s.SectionIds = [.. d.SectionIds];
                s.Population = [.. d.Population];
                s.Items = [.. d.Sample.Select(f => new SpotCheckItem { Form = f })];
                break;
            case SpotCheckFormRescored r when s.Item(r.SubmissionId) is { } item:
                item.Rescore = new RescoreRecord(r.Score, r.Grade, r.Reasons, r.Notes, r.By, e.Timestamp);
                break;
            case SpotCheckResultReleased r when s.Item(r.SubmissionId) is { } item:
                item.Release = new ReleaseRecord(r.By, e.Timestamp);
                break;
        }
        s.Version = (int)e.Version;
        s.UpdatedAt = e.Timestamp;
        return s;
    }
}

public sealed class SpotCheckItem
{
    public SampledForm Form { get; set; } = null!;
    /// <summary>The latest 复核评分; null until re-scored.</summary>
    public RescoreRecord? Rescore { get; set; }
    /// <summary>When the result was released to the unit; null until then.</summary>
    public ReleaseRecord? Release { get; set; }

    /// <summary>复核得分 below the 自评得分 the form states.</summary>
    public bool CameOutLower => Rescore is { } r && Form.SelfScore is { } self && r.Score < self;
}

public sealed record RescoreRecord(decimal Score, Grade Grade, string Reasons, IReadOnlyList<IndicatorNote> Notes, Actor By, DateTimeOffset At);

public sealed record ReleaseRecord(Actor By, DateTimeOffset At);

/// <summary>
/// The read model of a draw, in the same transaction as its events (what the commands load and the pages show). Written
/// with Create/Apply, not Evolve: Marten then runs it for a draw's own events only, so a report's command loads no draw.
/// </summary>
public sealed class SpotCheckProjection : SingleStreamProjection<SpotCheck, Guid>
{
    public static SpotCheck Create(IEvent<SpotCheckDrawn> e) => SpotCheck.After(null, e);

    public static void Apply(IEvent<SpotCheckFormRescored> e, SpotCheck draw) => SpotCheck.After(draw, e);

    public static void Apply(IEvent<SpotCheckResultReleased> e, SpotCheck draw) => SpotCheck.After(draw, e);
}
