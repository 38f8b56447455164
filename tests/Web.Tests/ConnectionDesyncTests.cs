using System.Text;
using System.Text.Json;
using Approval.Web.Auth;
using Approval.Web.Organization;
using Approval.Web.Tests.Infrastructure;
using Marten;
using Npgsql;

namespace Approval.Web.Tests;

/// <summary>
/// Text PostgreSQL refuses (a NUL: 22021 when the parameters are bound) is one request's 400, never a pooled connection
/// left in a state the next request trips over ("Received unexpected backend message DataRow", a 500 for a valid sign-in).
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class ConnectionDesyncTests
{
    private static readonly string[] Accounts = ["dashuju", "jingban", "shenji", "admin", "srzw", "xingzheng", "yiyang", "jingdezhen", "rongjiang", "yiyang-shenhe"];

    /// <summary>A sign-in body as an attacker writes it: the JSON string literals as given, escapes and all.</summary>
    private static string Body(string userName, string password) => $"{{\"userName\":\"{userName}\",\"password\":\"{password}\"}}";

    private static string Valid(string user) => Body(user, DemoData.Password);

    /// <summary>
    /// Valid sign-ins of the demo accounts among bodies with NUL in the name (the ones that used to reach PostgreSQL), a NUL
    /// in the password, lone surrogates, a very long and a non-ASCII name, spread irregularly so that on every pooled
    /// connection some NUL body comes after a valid one and before another.
    /// </summary>
    private static readonly (string Body, int Expected)[] Sequence =
    [
        (Valid("dashuju"), 200),
        (Body("dashuju\\u0000", DemoData.Password), 400),
        (Valid("jingban"), 200),
        (Valid("shenji"), 200),
        (Body("a\\u0000b", "x"), 400),
        (Body("\\u0000", "\\u0000"), 400),
        (Valid("admin"), 200),
        (Body("\\ud800x", DemoData.Password), 400),
        (Valid("srzw"), 200),
        (Body("admin\\u0000", "pw\\u0000"), 400),
        (Valid("dashuju"), 200),
        (Valid("jingban"), 200),
        (Body(new string('长', 5000), DemoData.Password), 401),
        (Body("\\u0000\\u0000\\u0000", DemoData.Password), 400),
        (Valid("shenji"), 200),
        (Valid("admin"), 200),
        (Valid("xingzheng"), 200),
        (Body("用户\\u0000名", "x"), 400),
        (Valid("yiyang"), 200),
        (Body("用户名", DemoData.Password), 401),
        (Body("x\\u0000", "x"), 400),
        (Body("y\\u0000", "y"), 400),
        (Valid("jingdezhen"), 200),
        (Valid("dashuju"), 200),
        (Body("dashuju", "Demo\\u0000#2026pass"), 401),
        (Valid("rongjiang"), 200),
        (Body("jingban\\u0000", DemoData.Password), 400),
        (Valid("jingban"), 200),
        (Valid("srzw"), 200),
        (Valid("shenji"), 200),
    ];

    [Fact]
    public async Task Sign_ins_with_nul_characters_are_400_and_every_valid_sign_in_after_them_succeeds()
    {
        var database = await TestDatabase.CreateAsync("desync");
        try
        {
            await using var app = await AppProcess.RunAsync(await TestDatabase.AsReadmeRunsIt(database));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            async Task<(int Status, string Text)> SignIn(string body)
            {
                using var response = await http.PostAsync($"{app.Url}/api/auth/login", new StringContent(body, Encoding.UTF8, "application/json"));
                return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
            }

            var answers = new List<string>();
            foreach (var (body, expected) in Sequence)
            {
                var (status, text) = await SignIn(body);
                answers.Add($"{status} ← {(body.Length > 80 ? body[..80] + "…" : body)}{(status >= 500 ? "\n    " + text : "")}");
                Assert.True(status < 500, $"a 5xx in the sequence:\n{string.Join('\n', answers)}\n{app.Output}");
                Assert.True(status == expected, $"expected {expected}:\n{string.Join('\n', answers)}");
                if (status == 400 && body.Contains("\\u0000", StringComparison.Ordinal))
                    Assert.Equal("bad-text", JsonDocument.Parse(text).RootElement.GetProperty("code").GetString());
            }
            foreach (var user in Accounts)
            {
                var (status, text) = await SignIn(Valid(user));
                Assert.True(status == 200, $"{user} afterwards: {status} {text}\n{string.Join('\n', answers)}");
            }
            Assert.DoesNotContain("unexpected backend message", app.Output, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await TestDatabase.DropAsync(database);
        }
    }

    /// <summary>
    /// Below the sign-in's own check: the store's connection settings, one pooled connection, the sign-in's query. Its
    /// second use is the one Npgsql would prepare automatically; PostgreSQL accepts the statement and refuses the NUL.
    /// </summary>
    [Fact]
    public async Task A_parameter_postgresql_refuses_leaves_the_pooled_connection_usable()
    {
        var database = await TestDatabase.CreateAsync("desync_store");
        try
        {
            var oneConnection = new NpgsqlConnectionStringBuilder(database) { MaxPoolSize = 1 }.ConnectionString;
            await using var store = new DocumentStore(ApprovalHost.BuildStoreOptions(oneConnection, "approval", chainKey: null));
            await store.Storage.Database.EnsureStorageExistsAsync(typeof(Account));
            await using (var setup = store.LightweightSession("shangrao"))
            {
                setup.Store(new Account { Id = "somebody", DisplayName = "某人" }); // found: the query answers with a row
                await setup.SaveChangesAsync();
            }
            async Task<int> Find(string name)
            {
                await using var session = store.QuerySession();
                return (await session.Query<Account>().Where(a => a.AnyTenant() && a.Id == name).Take(2).ToListAsync()).Count;
            }

            for (var round = 0; round < 3; round++)
            {
                Assert.Equal(1, await Find("somebody"));
                var refused = await Assert.ThrowsAnyAsync<Exception>(() => Find("some\0body"));
                Assert.Contains("22021", refused.ToString(), StringComparison.Ordinal);
                Assert.Equal(1, await Find("somebody"));
                Assert.Equal(0, await Find("nobody"));
            }
        }
        finally
        {
            await TestDatabase.DropAsync(database);
        }
    }
}
