using System.Text.RegularExpressions;
using Approval.LocalDatabase;
using Approval.Web.Tests.Infrastructure;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Web.Tests;

/// <summary>
/// Outside Development the app runs the handler code generated ahead of time into src/Web/Internal/Generated (no
/// start-up compilation). That code must be what Wolverine would generate from today's endpoints and policies.
/// </summary>
[Collection(Alone.Name)]
public partial class CodegenTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string Committed = Path.Combine(RepositoryRoot.Find()!, "src", "Web", "Internal", "Generated");

    [Fact]
    public void Pre_generated_handler_code_is_what_the_current_endpoints_generate()
    {
        var services = app.Host.Services;
        var builder = new DynamicCodeBuilder(services, services.GetServices<ICodeFileCollection>().ToArray())
        {
            ServiceVariableSource = services.GetService<IServiceVariableSource>(),
        };
        var expected = Blocks(builder.GenerateAllCode());
        var committed = Blocks(string.Join('\n', Directory.GetFiles(Committed, "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText)));

        Assert.NotEmpty(expected);
        var stale = expected.Keys.Union(committed.Keys)
            .Where(name => !expected.TryGetValue(name, out var e) || !committed.TryGetValue(name, out var c) || e != c)
            .Order().ToList();
        Assert.True(stale.Count == 0,
            $"Stale pre-generated code for {string.Join(", ", stale)}: run `scripts/codegen.sh` and commit src/Web/Internal/Generated.");
    }

    /// <summary>Each generated type, by name, with its whitespace normalised.</summary>
    private static Dictionary<string, string> Blocks(string code) =>
        Block().Matches(code).ToDictionary(m => m.Groups[1].Value, m => Whitespace().Replace(m.Groups[2].Value, " ").Trim());

    [GeneratedRegex(@"// START: (\S+)(.*?)// END: \1", RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>
/// Generating the code flips JasperFx's process-wide <c>DynamicCodeBuilder.WithinCodegenCommand</c> for a moment, and a
/// Wolverine host that bootstraps in that moment comes up in MediatorOnly mode (its commands' cascading messages then fail
/// with a 500). xunit runs this collection by itself, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Alone
{
    public const string Name = "Alone";
}
