using Xunit.Abstractions;

[assembly: TestCollectionOrderer("Approval.Web.Tests.Infrastructure.LongestLanesFirst", "Web.Tests")]

namespace Approval.Web.Tests.Infrastructure;

/// <summary>
/// xunit starts as many collections as it has threads (two here), in the orderer's order, and the next one whenever one
/// ends. The two serial lanes are the longest chains of the run: started first, the browser lane takes one thread for
/// the whole run while the process lane and then the many short classes share the other. In xunit's own (hashed) order
/// the browser lane could start last, after minutes of short classes, and end the run alone.
/// </summary>
public sealed class LongestLanesFirst : ITestCollectionOrderer
{
    private static readonly string[] Lanes = [HeavyCollection.Name, ProcessCollection.Name];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(c => Array.IndexOf(Lanes, c.DisplayName) is var lane and >= 0 ? lane : Lanes.Length)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
