using Approval.Workflow.Checking;

namespace Approval.Workflow.Disclosure;

/// <summary>Compares a stated figure with the sum of its parts and records a finding when they differ.</summary>
internal sealed class SumCheck(string document, CheckOptions options, List<Finding> findings)
{
    public string Document => document;

    public List<Finding> Findings => findings;

    public void Compare(string rule, string table, string row, string? column, decimal? stated, IReadOnlyList<decimal?> parts, string what)
    {
        var present = parts.Where(p => p is not null).Select(p => p!.Value).ToList();
        if (stated is null && present.Count == 0) return;
        var total = stated ?? 0;
        var sum = present.Sum();
        var diff = total - sum;
        var severity = options.Classify(stated, parts);
        if (severity is null) return;
        var location = new FindingLocation(document, table, row, column);
        var message = severity == Severity.Rounding
            ? $"{what}：表中 {Money.Format(total)}，分项合计 {Money.Format(sum)}，相差 {Money.Exact(diff)}，在尾数误差范围内（±{Money.Exact(options.ToleranceFor(stated, parts))}）"
            : $"{what}：表中 {Money.Format(total)}，应为 {Money.Format(sum)}，相差 {Money.Exact(diff)}";
        findings.Add(new Finding(rule, severity.Value, location, Money.Format(sum), Money.Format(total), diff, message));
    }
}
