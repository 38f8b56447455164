using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>The real app with an organization: two sections, three units, and one account per role.</summary>
public class WorkflowFixture : AppFixture, IScenarioApi
{
    /// <summary>Reports taken through the workflow by the API (<see cref="ReportScenario"/>).</summary>
    public ReportScenario Reports => new(this);

    Task<JsonElement> IScenarioApi.Send(string user, string url, object body, int status, HttpMethod? method) => Command(user, url, body, status, method);

    public const string Password = TestOrganization.Password;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await TestOrganization.SeedAsync(Store);
    }

    private readonly Dictionary<string, string> _tokens = [];
    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private Type? _testClass;
    private int _testClasses;

    /// <summary>
    /// Called by every test of a class of the <see cref="ApiLane"/> (IAsyncLifetime): when a new class begins, the app is
    /// made as a class of its own would find it — no report, event or document of the class before, the organization
    /// seeded again, no token, cached stamp or logged error from before — and the class gets a client address of its
    /// own for requests that name none, so that sign-in limits and throttling count per class as they did per app.
    /// </summary>
    public async Task BeginClassAsync(Type testClass)
    {
        if (_testClass == testClass) return;
        var first = _testClass is null;
        _testClass = testClass;
        _testClasses++;
        DefaultClientAddress = new System.Net.IPAddress([10, 201, (byte)(_testClasses / 200), (byte)(_testClasses % 200 + 1)]);
        if (first) return;
        _tokens.Clear();
        ErrorLog.Errors.Clear();
        await TestOrganization.StartOverAsync(ConnectionString, Host.Services);
    }

    public async Task<string> TokenFor(string user)
    {
        await _tokenLock.WaitAsync();
        try
        {
            if (_tokens.TryGetValue(user, out var cached)) return cached;
            var result = await Host.Scenario(s =>
            {
                s.Post.Json(new { userName = user, password = Password }).ToUrl("/api/auth/login");
                s.StatusCodeShouldBeOk();
            });
            var token = (await result.ReadAsJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
            return _tokens[user] = token;
        }
        finally { _tokenLock.Release(); }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _tokenLock.Dispose();
    }

    /// <summary>A SignalR connection to the review hub as a user, through the test server (not started yet).</summary>
    public async Task<HubConnection> HubFor(string user)
    {
        var token = await TokenFor(user);
        return new HubConnectionBuilder()
            .WithUrl(new Uri(Host.Server.BaseAddress, "/hubs/review"), o =>
            {
                o.HttpMessageHandlerFactory = _ => Host.Server.CreateHandler();
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
    }

    /// <summary>Sends a request as a user over real HTTP through the test server.</summary>
    public async Task<HttpResponseMessage> Send(string? user, HttpMethod method, string url, object? body = null)
    {
        using var client = Host.Server.CreateClient();
        var request = new HttpRequestMessage(method, url);
        if (user is not null) request.Headers.Authorization = new("Bearer", await TokenFor(user));
        if (body is not null) request.Content = JsonContent.Create(body, options: Json);
        return await client.SendAsync(request);
    }

    public async Task<T> Get<T>(string user, string url)
    {
        var response = await Send(user, HttpMethod.Get, url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} as {user}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    /// <summary>Posts a command and insists on the status; returns the body as JSON.</summary>
    public async Task<JsonElement> Command(string user, string url, object body, int expectedStatus = 200, HttpMethod? method = null)
    {
        var response = await Send(user, method ?? HttpMethod.Post, url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"{url} as {user}: expected {expectedStatus}, got {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<Submission> Load(Guid id)
    {
        await using var session = Store.QuerySession(TestOrganization.Tenant);
        return (await session.LoadAsync<Submission>(id))!;
    }

    /// <summary>
    /// How many events the store holds, counted by the owner (no projection involved). Marten's tombstones — placeholders
    /// for sequence numbers a failed transaction reserved, so the daemon sees no gap — are no one's events.
    /// </summary>
    public async Task<long> TotalEvents()
    {
        await using var conn = new Npgsql.NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("select count(*) from approval.mt_events where type <> 'tombstone'", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    public Task<long> StreamVersion(Guid id) => ReportScenario.VersionAsync(ConnectionString, id);
}
