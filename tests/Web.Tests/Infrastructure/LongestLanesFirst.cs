using Xunit.Abstractions;

[assembly: TestCollectionOrderer("Approval.Web.Tests.Infrastructure.LongestLanesFirst", "Web.Tests")]
// Four at a time on two cores: while one lane waits (a page, PostgreSQL) the others use the CPU, see HeavyCollection.
[assembly: CollectionBehavior(MaxParallelThreads = 4)]

namespace Approval.Web.Tests.Infrastructure;

/// <summary>
/// xunit starts as many collections as it has threads (four here), in the orderer's order, and the next one whenever one
/// ends. The serial lanes are the longest chains of the run: started first, the two browser lanes, the process lane and
/// the API lane each take a thread, and the classes with an app of their own follow as threads come free. In xunit's own (hashed) order a lane could
/// start last, after minutes of short classes, and end the run alone.
/// </summary>
public sealed class LongestLanesFirst : ITestCollectionOrderer
{
    private static readonly string[] Lanes = [HeavyCollection.Name, SecondBrowserLane.Name, ProcessCollection.Name, ApiLane.Name];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(c => Array.IndexOf(Lanes, c.DisplayName) is var lane and >= 0 ? lane : Lanes.Length)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
