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
