using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Approval.Bench;

/// <summary>One authenticated JSON command against the app, failing loudly on anything but success.</summary>
public static class BenchApi
{
    public static async Task<JsonElement> SendAsync(HttpClient http, string url, string token, HttpMethod method, string path, object body)
    {
        var request = new HttpRequestMessage(method, url + path) { Content = new StringContent(JsonSerializer.Serialize(body, ProductLoad.Json), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
