using System.Net.Http.Json;
using System.Text.Json;
using Approval.LocalDatabase;
using Marten;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>
/// N app processes on loopback sharing one PostgreSQL database (the test server's, each node given its connection so
/// none starts a cluster of its own) and one private redis-server for the SignalR backplane. The first node migrates
/// the schema; the others join once it is healthy. Reused by the multi-node tests; <see cref="Describe"/> is what a
/// failure message prints.
/// </summary>
public sealed class NodeCluster : IAsyncDisposable
{
    private readonly AppProcess?[] _nodes;
    private readonly string[] _urls;
    private readonly Dictionary<string, string> _environment;

    public string OwnerConnectionString { get; }
    public string AppConnectionString { get; }
    public LocalRedis Redis { get; }
    public int Count => _nodes.Length;
    public string Url(int node) => _urls[node];
    /// <summary>The nodes' addresses, kept when a node is started again.</summary>
    public IReadOnlyList<string> Urls => _urls;
    public bool IsRunning(int node) => _nodes[node] is { HasExited: false };
    public IEnumerable<int> Running => Enumerable.Range(0, Count).Where(IsRunning);

    private NodeCluster(int count, string owner, string app, LocalRedis redis)
    {
        _nodes = new AppProcess?[count];
        _urls = Enumerable.Range(0, count).Select(_ => $"http://127.0.0.1:{AppProcess.FreePort()}").ToArray();
        OwnerConnectionString = owner;
        AppConnectionString = app;
        Redis = redis;
        _environment = new()
        {
            ["ConnectionStrings__Approval"] = app, ["ConnectionStrings__ApprovalOwner"] = owner, ["ConnectionStrings__Redis"] = redis.ConnectionString,
            ["Approval__Demo"] = "false", ["Approval__ChainKey"] = "nodes-key", ["ASPNETCORE_ENVIRONMENT"] = "Testing",
        };
    }

    /// <summary>A fresh database seeded with <see cref="TestOrganization"/>, Redis, and <paramref name="count"/> healthy nodes.</summary>
    public static async Task<NodeCluster> StartAsync(int count, string name, IDictionary<string, string>? environment = null)
    {
        var owner = await TestDatabase.CreateAsync(name);
        var app = await TestDatabase.AppConnectionStringAsync(owner);
        var redis = await LocalRedis.StartAsync();
        var cluster = new NodeCluster(count, owner, app, redis);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) cluster._environment[key] = value;
        try
        {
            await cluster.StartNodeAsync(0);
            using (var store = cluster.Store()) await TestOrganization.SeedAsync(store);
            await Task.WhenAll(Enumerable.Range(1, count - 1).Select(cluster.StartNodeAsync));
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
        return cluster;
    }

    /// <summary>Starts the node (again, on its address) and waits until it is healthy.</summary>
    public async Task StartNodeAsync(int node)
    {
        if (_nodes[node] is { } old) await old.DisposeAsync();
        _nodes[node] = null;
        var process = await AppProcess.BinaryAsync(_environment, _urls[node]);
        _nodes[node] = process;
        await process.WaitUntilHealthyAsync();
    }

    /// <summary>SIGKILL: no shutdown, no heartbeat withdrawn, no agent released.</summary>
    public Task KillAsync(int node) => _nodes[node]?.KillAsync() ?? Task.CompletedTask;

    /// <summary>SIGTERM, the orderly stop of a rolling restart.</summary>
    public Task StopAsync(int node) => _nodes[node]?.StopAsync(TimeSpan.FromSeconds(30)) ?? Task.CompletedTask;

    public DocumentStore Store() => new(ApprovalHost.BuildStoreOptions(AppConnectionString, "approval", chainKey: null));

    /// <summary>The node's /health body, or null when it does not answer.</summary>
    public async Task<JsonElement?> HealthAsync(int node, HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync($"{_urls[node]}/health");
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException) { return null; }
    }

    /// <summary>The running nodes that say they keep the read models (every node: they are written with the events).</summary>
    public async Task<List<int>> ProjectionNodesAsync(HttpClient http)
    {
        var found = new List<int>();
        foreach (var node in Running)
            if (await HealthAsync(node, http) is { } health && health.GetProperty("node").GetProperty("runsProjections").GetBoolean()) found.Add(node);
        return found;
    }

    /// <summary>Every node's address, state and last output lines: what a failing multi-node test prints.</summary>
    public string Describe(int lines = 40) => string.Join("\n", Enumerable.Range(0, Count).Select(i =>
    {
        var output = _nodes[i]?.Output.Split('\n') ?? [];
        var state = _nodes[i] is null ? "not started" : _nodes[i]!.HasExited ? $"exited ({_nodes[i]!.ExitCode})" : "running";
        return $"--- node {i} {_urls[i]} {state}, last {lines} lines:\n{string.Join('\n', output.TakeLast(lines))}";
    })) + $"\n--- redis {Redis.ConnectionString}:\n{Redis.Output}";

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
            if (node is not null) await node.DisposeAsync();
        await Redis.DisposeAsync();
        await TestDatabase.DropAsync(OwnerConnectionString);
    }
}
