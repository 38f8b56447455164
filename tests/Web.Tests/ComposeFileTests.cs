using System.Text.RegularExpressions;
using Approval.LocalDatabase;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Approval.Web.Tests;

/// <summary>
/// docker-compose.yml as Docker would read it (YAML merge keys resolved): two app nodes behind one proxy, both on the
/// same PostgreSQL and the same Redis, and a proxy configuration that names exactly those nodes. Docker itself is not
/// needed: the shape is what a deployment depends on, and a drifted copy of one node's settings is the usual mistake.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly string Root = RepositoryRoot.Find() ?? throw new InvalidOperationException("run from the repository");
    private readonly Dictionary<string, Dictionary<object, object>> _services;

    public ComposeFileTests()
    {
        using var reader = new StreamReader(Path.Combine(Root, "docker-compose.yml"));
        var compose = (Dictionary<object, object>)new DeserializerBuilder().Build().Deserialize(new MergingParser(new Parser(reader)))!;
        _services = ((Dictionary<object, object>)compose["services"]).ToDictionary(kv => (string)kv.Key, kv => (Dictionary<object, object>)kv.Value);
    }

    private Dictionary<object, object> Service(string name) =>
        _services.TryGetValue(name, out var service) ? service : throw new Xunit.Sdk.XunitException($"no service {name} in docker-compose.yml");

    private static Dictionary<object, object> Map(Dictionary<object, object> node, string key) => (Dictionary<object, object>)node[key];

    private string Env(string service, string name) => (string)Map(Service(service), "environment")[name];

    private List<string> AppNodes() => _services.Where(s => ((string?)s.Value.GetValueOrDefault("image"))?.StartsWith("approval", StringComparison.Ordinal) == true
        || s.Value.ContainsKey("build")).Select(s => s.Key).Order().ToList();

    [Fact]
    public void Two_app_nodes_share_one_database_one_redis_and_one_build()
    {
        var nodes = AppNodes();
        Assert.Equal(["app1", "app2"], nodes);
        Assert.StartsWith("postgres:", (string)Service("db")["image"]);
        Assert.StartsWith("redis:7", (string)Service("redis")["image"]);
        Assert.Equal(Service("app1")["image"], Service("app2")["image"]);

        foreach (var name in new[] { "ConnectionStrings__Approval", "ConnectionStrings__ApprovalOwner", "ConnectionStrings__Redis", "Approval__ChainKey" })
            Assert.Equal(Env("app1", name), Env("app2", name));
        Assert.Contains("Host=db;", Env("app1", "ConnectionStrings__Approval"));
        Assert.Contains("Username=approval_app", Env("app1", "ConnectionStrings__Approval")); // the restricted role, not the owner
        Assert.StartsWith("redis:", Env("app1", "ConnectionStrings__Redis"));
        Assert.DoesNotContain("--save 900", string.Join(' ', (List<object>)Service("redis")["command"])); // a backplane keeps nothing
    }

    [Fact]
    public void Only_the_proxy_is_published_and_the_second_node_waits_for_the_first_to_migrate()
    {
        Assert.Equal(["5080:80"], ((List<object>)Service("proxy")["ports"]).Cast<string>());
        Assert.All(_services.Where(s => s.Key != "proxy"), s => Assert.False(s.Value.ContainsKey("ports"), $"{s.Key} is published"));
        Assert.Equal("service_healthy", Map(Map(Service("app1"), "depends_on"), "db")["condition"]);
        Assert.Equal("service_healthy", Map(Map(Service("app2"), "depends_on"), "app1")["condition"]);
        Assert.All(AppNodes(), n => Assert.Equal("service_healthy", Map(Map(Service("proxy"), "depends_on"), n)["condition"]));

        // the proxy's fixed address is the one the nodes trust for X-Forwarded-*
        var proxyAddress = (string)Map(Map(Service("proxy"), "networks"), "approval")["ipv4_address"];
        Assert.All(AppNodes(), n => Assert.Equal(proxyAddress, Env(n, "Approval__TrustedProxies__0")));
    }

    [Fact]
    public void The_proxy_configuration_names_exactly_the_app_nodes_and_keeps_a_hub_connection_on_one_node()
    {
        var mount = ((List<object>)Service("proxy")["volumes"]).Cast<string>().Single(v => v.Contains("nginx", StringComparison.Ordinal));
        var file = Path.Combine(Root, mount.Split(':')[0]);
        Assert.True(File.Exists(file), file);
        var conf = File.ReadAllText(file);
        var port = new Uri(Env("app1", "ASPNETCORE_URLS").Replace("0.0.0.0", "localhost", StringComparison.Ordinal)).Port;

        var upstreams = Upstream().Matches(conf).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["body"].Value);
        Assert.Equal(2, upstreams.Count);
        foreach (var (_, body) in upstreams)
            Assert.Equal(AppNodes().Select(n => $"{n}:{port}"), Server().Matches(body).Select(m => m.Groups[1].Value).Order());

        var hub = Location().Matches(conf).Single(m => m.Groups["path"].Value == "/hubs/").Groups["body"].Value;
        var hubUpstream = Regex.Match(hub, @"proxy_pass http://(\w+);").Groups[1].Value;
        Assert.Contains("ip_hash;", upstreams[hubUpstream]);
        Assert.Contains("Upgrade $http_upgrade", hub); // WebSockets pass through
        var rest = Location().Matches(conf).Single(m => m.Groups["path"].Value == "/").Groups["body"].Value;
        Assert.DoesNotContain("ip_hash", upstreams[Regex.Match(rest, @"proxy_pass http://(\w+);").Groups[1].Value]);
    }

    [GeneratedRegex(@"upstream\s+(?<name>\w+)\s*\{(?<body>[^}]*)\}")]
    private static partial Regex Upstream();

    [GeneratedRegex(@"^\s*server\s+([\w.-]+:\d+)", RegexOptions.Multiline)]
    private static partial Regex Server();

    [GeneratedRegex(@"location\s+(?<path>\S+)\s*\{(?<body>[^}]*)\}")]
    private static partial Regex Location();
}
