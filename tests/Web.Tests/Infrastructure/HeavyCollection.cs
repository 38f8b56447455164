namespace Approval.Web.Tests.Infrastructure;

/// <summary>
/// The browser tests, in two lanes of about equal length (measured: the run's trx, per class). Within a lane they run
/// one after the other on the lane's one app (<see cref="LiveApp"/>, reset before each class: starting an app per class
/// cost 5–9 s of a loaded machine each); the two lanes run side by side with the rest, sharing the run's one Chromium.
/// Side by side, the lanes keep both cores busy (measured: 99–100 % through the whole run, Chromium taking about two fifths),
/// so the run's length is its work; a lane waiting on a page leaves the CPU to the others. Both start first
/// (<see cref="LongestLanesFirst"/>).
/// </summary>
[CollectionDefinition(Name)]
public sealed class HeavyCollection : ICollectionFixture<LiveApp>
{
    public const string Name = "browser-1";
}

/// <summary>The second browser lane (<see cref="HeavyCollection"/>).</summary>
[CollectionDefinition(Name)]
public sealed class SecondBrowserLane : ICollectionFixture<LiveApp>
{
    public const string Name = "browser-2";
}

/// <summary>
/// Tests that start the app in processes of their own or load the machine (several nodes, a killed process, a proxy that
/// cuts connections) run one after the other, beside the browser lanes, never beside each other. (ShippedAppTests also
/// looks at its app in a few pages of the run's one Chromium.)
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProcessCollection
{
    public const string Name = "processes";
}

/// <summary>
/// The API tests that share one in-process app (<see cref="WorkflowFixture"/>), one class after the other, each starting
/// with <see cref="WorkflowFixture.BeginClassAsync"/>: an app (and a database copy) per class cost seconds of CPU each,
/// and these classes ran one at a time beside the other lanes anyway. Classes that change the database behind the app's
/// back (backup and restore, tampering, a rebuild) or test the sign-in limits keep an app of their own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ApiLane : ICollectionFixture<WorkflowFixture>
{
    public const string Name = "api";
}
