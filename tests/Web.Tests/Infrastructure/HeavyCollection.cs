namespace Approval.Web.Tests.Infrastructure;

/// <summary>
/// Tests that load the machine (a separate app process under load) or need it quiet (the browser's 2-second
/// live-queue check) run one after the other, never side by side on a 2-core machine.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HeavyCollection
{
    public const string Name = "heavy";
}
