using Approval.Workflow.Templates;
using JasperFx.Events;
using Marten;

namespace Approval.Workflow.Submissions.Publishing;

/// <summary>
/// What the public sees of one published version: the content as published, the grade and the index entry —
/// never drafts, comments, returns or the reviewer's opinion. Every version stays (id "{submission}/v{n}");
/// the <see cref="PublishedCatalogueEntry"/> of the submission names the current one.
/// </summary>
public sealed class PublishedReport
{
    public string Id { get; set; } = "";
    public Guid SubmissionId { get; set; }
    public int PublicationVersion { get; set; }
    public string UnitId { get; set; } = "";
    public string UnitName { get; set; } = "";
    public int FiscalYear { get; set; }
    public SubmissionKind Kind { get; set; }
    public string Title { get; set; } = "";
    public SubmissionContent Content { get; set; } = new();
    public decimal? Total { get; set; }
    public Grade? Grade { get; set; }
    public string? SectionName { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string IndexNumber { get; set; } = "";
    public string Publisher { get; set; } = "";
    /// <summary>The 财政局 (tenant) that published it, filled by Marten.</summary>
    public string TenantId { get; set; } = "";
    public DateTimeOffset PublishedAt { get; set; }
    public string? CorrectionReason { get; set; }
    public bool ConfidentialityReviewed { get; set; }
    public bool PrincipalSigned { get; set; }

    public static string KeyOf(Guid submissionId, int version) => $"{submissionId}/v{version}";
}

/// <summary>The public catalogue: one line per published submission, pointing at its latest version.</summary>
public sealed class PublishedCatalogueEntry
{
    public Guid Id { get; set; }
    public int LatestVersion { get; set; }
    public string UnitId { get; set; } = "";
    public string UnitName { get; set; } = "";
    public int FiscalYear { get; set; }
    public SubmissionKind Kind { get; set; }
    public string Title { get; set; } = "";
    public decimal? Total { get; set; }
    public Grade? Grade { get; set; }
    public string IndexNumber { get; set; } = "";
    public string Publisher { get; set; } = "";
    public DateTimeOffset PublishedAt { get; set; }
    /// <summary>The 财政局 (tenant) that published it, filled by Marten: the public catalogue lists every bureau's reports.</summary>
    public string TenantId { get; set; } = "";
}

/// <summary>The documents a publication (or a correction) writes, from the submission as of that very event (part of
/// <see cref="ReadModelsProjection"/>): a rebuild reproduces every published version exactly.</summary>
public static class PublishedReportProjection
{
    public static void Publish(IDocumentOperations ops, Submission? asOf, IEvent e)
    {
        var (version, correction) = e.Data switch
        {
            SubmissionPublished p => (p.PublicationVersion, (string?)null),
            CorrectionPublished c => (c.PublicationVersion, c.Reason),
            _ => throw new ArgumentException($"{e.EventTypeName} publishes nothing", nameof(e)),
        };
        var s = asOf ?? throw new InvalidOperationException($"stream {e.StreamId} has no submission at version {e.Version}");
        ops.Store(new PublishedReport
        {
            Id = PublishedReport.KeyOf(s.Id, version),
            SubmissionId = s.Id,
            PublicationVersion = version,
            UnitId = s.UnitId,
            UnitName = s.UnitName,
            FiscalYear = s.FiscalYear,
            Kind = s.Kind,
            Title = s.Title,
            Content = s.Content,
            Total = s.Score?.Total,
            Grade = s.Approval?.Grade,
            SectionName = s.SectionName,
            ReviewedAt = s.Approval?.ReviewedAt,
            IndexNumber = s.Publication!.IndexNumber,
            Publisher = s.Publication.Publisher,
            PublishedAt = e.Timestamp,
            CorrectionReason = correction,
            ConfidentialityReviewed = true,
            PrincipalSigned = true,
        });
        ops.Store(new PublishedCatalogueEntry
        {
            Id = s.Id, LatestVersion = version, UnitId = s.UnitId, UnitName = s.UnitName, FiscalYear = s.FiscalYear, Kind = s.Kind, Title = s.Title,
            Total = s.Score?.Total, Grade = s.Approval?.Grade, IndexNumber = s.Publication.IndexNumber, Publisher = s.Publication.Publisher, PublishedAt = e.Timestamp,
        });
    }
}
