using Xunit.Abstractions;

[assembly: Xunit.TestCollectionOrderer("Approval.Web.Tests.Infrastructure.HeavyCollectionFirst", "Web.Tests")]

namespace Approval.Web.Tests.Infrastructure;

/// <summary>
/// The heavy collection (browsers and app processes, one class at a time) is the suite's critical path: it starts first,
/// on one of the two test threads, while every other class shares the second. Left to the default order it waited
/// for a free thread behind the light classes and the run took a minute longer.
/// </summary>
public sealed class HeavyCollectionFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => c.DisplayName == HeavyCollection.Name ? 0 : 1)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
