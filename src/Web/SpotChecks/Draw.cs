using System.Security.Cryptography;
using Approval.Web.Submissions;
using Approval.Workflow.SpotChecks;
using Approval.Workflow.Submissions;
using Marten;
using Wolverine.Http;
using Wolverine.Marten;

namespace Approval.Web.SpotChecks;

/// <param name="FiscalYear">The year whose approved (or published) 项目支出绩效自评表 are drawn from.</param>
/// <param name="SampleSize">How many forms to draw (1–1000); fewer when the population is smaller.</param>
/// <param name="RandomSharePercent">The share of the sample drawn uniformly (0–100, rounded half away from zero); the rest is drawn by risk.</param>
/// <param name="Seed">0 … 2^53 − 1; the system picks one when absent. The same seed over the same population gives the same sample.</param>
public sealed record DrawSpotCheck(Guid? CommandId, int? FiscalYear, int? SampleSize, int? RandomSharePercent, long? Seed);

/// <summary>A new draw: 201 with its address in <c>Location</c>.</summary>
public sealed record SpotCheckDrawnResponse(Guid SpotCheckId, long Version, IReadOnlyList<string> Events, int Drawn, int Population)
    : CreationResponse($"/api/spot-checks/{SpotCheckId}");

/// <summary>抽取: a reviewer draws a sample of the year's approved 自评表 of their sections, weighted by their 自评质量 flags.</summary>
public static class Draw
{
    [EndpointSummary("抽查：从本股室该年度审核通过的项目支出绩效自评表中抽取样本（按自评质量提示加权，另按比例随机抽取，记录随机种子）")]
    [ApiAnswer(typeof(SpotCheckDrawnResponse), Status = 201, Command = true)]
    [WolverinePost("/api/spot-checks")]
    [SubmissionCommand]
    public static async Task<(SpotCheckDrawnResponse, IStartStream)> Post(DrawSpotCheck command, Actor actor, IQuerySession session, CancellationToken ct)
    {
        SpotCheckRules.RequireReviewer(actor);
        if (SpotCheckRules.DrawProblems(command.FiscalYear, command.SampleSize, command.RandomSharePercent, command.Seed) is { Count: > 0 } problems)
            throw new SubmissionRuleException(RuleViolation.InvalidFields("draw-invalid", "the draw's parameters are incomplete or out of range", problems));
        var year = command.FiscalYear!.Value;
        var population = await SpotCheckPopulation.LoadAsync(session, actor, year, ct);
        var seed = command.Seed ?? RandomNumberGenerator.GetInt32(1, 1_000_000_000);
        var id = Guid.CreateVersion7();
        var drawn = SpotCheckRules.Draw(id, year, command.SampleSize!.Value, command.RandomSharePercent!.Value, seed, population, actor);
        return (new SpotCheckDrawnResponse(id, 1, [nameof(SpotCheckDrawn)], drawn.Sample.Count, drawn.Population.Count), MartenOps.StartStream<SpotCheck>(id, drawn));
    }
}
