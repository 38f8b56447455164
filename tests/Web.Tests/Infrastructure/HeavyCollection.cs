namespace Approval.Web.Tests.Infrastructure;

/// <summary>
/// Tests that drive Chromium run one after the other, never two browsers side by side on a 2-core machine. The lane
/// starts first (<see cref="LongestLanesFirst"/>): it is the longest chain of the run.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HeavyCollection
{
    public const string Name = "heavy";
}

/// <summary>
/// Tests that start the app in processes of their own or load the machine (several nodes, a killed process, a proxy that
/// cuts connections) run one after the other — beside the browser lane, never beside each other. (ShippedAppTests also
/// looks at its app in a few pages of the run's one Chromium.)
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProcessCollection
{
    public const string Name = "processes";
}
