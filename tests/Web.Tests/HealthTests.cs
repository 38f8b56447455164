using System.Text.Json;
using Alba;
using Approval.Web.Tests.Infrastructure;

namespace Approval.Web.Tests;

public class HealthTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Health_reports_healthy_with_every_check()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url("/health");
            s.StatusCodeShouldBeOk();
        });
        using var body = JsonDocument.Parse(await result.ReadAsTextAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("event-store", checks);
        Assert.Contains("AsyncDaemonHealthCheck", checks);
        // One node, named in the answer.
        Assert.NotEqual(Guid.Empty, body.RootElement.GetProperty("node").GetProperty("id").GetGuid());
        // No Approval:NodeName configured: the node is named by its machine (./run.sh --nodes names them "node 1" …).
        Assert.Equal(Environment.MachineName, body.RootElement.GetProperty("node").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Health_says_this_single_node_runs_the_projections()
    {
        // The read models are inline (written with each command's events): the node runs them from its first request, and
        // no async projection is left for Wolverine to assign as an agent.
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url("/health");
            s.IgnoreStatusCode();
        });
        var node = JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.GetProperty("node").Clone();
        Assert.True(node.GetProperty("runsProjections").GetBoolean(), node.ToString());
        Assert.DoesNotContain(node.GetProperty("agents").EnumerateArray(), a => a.GetString()!.Contains("readmodels", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Home_page_is_served_in_chinese()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url("/");
            s.StatusCodeShouldBeOk();
        });
        Assert.Contains("绩效自评与决算公开审核", await result.ReadAsTextAsync());
    }
}
