namespace Approval.Web.Tests.Infrastructure;

/// <summary>
/// Tests that start the app in a process of their own, load the machine or drive Chromium run one after the other,
/// never side by side on a 2-core machine.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HeavyCollection
{
    public const string Name = "heavy";
}
