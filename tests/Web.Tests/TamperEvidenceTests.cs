using System.Text.Json;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;
using Npgsql;

namespace Approval.Web.Tests;

/// <summary>The hash chain catches an event edited or removed behind the application's back.</summary>
public class TamperEvidenceTests(WorkflowFixture app) : IClassFixture<WorkflowFixture>
{
    private Task<Guid> Lifecycle() => app.Reports.Approved(title: "链式校验", approval: new { grade = "良", opinion = "同意", signature = "张经办", stamp = "章" });

    private async Task Sql(string sql, Guid id)
    {
        // The owner's connection: what someone with direct database access could do.
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddWithValue("id", id);
        Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task An_untouched_stream_verifies()
    {
        var id = await Lifecycle();
        var result = await app.Get<JsonElement>("audit", $"/api/submissions/{id}/verify");
        Assert.True(result.GetProperty("intact").GetBoolean());
        Assert.Equal(5, result.GetProperty("eventsChecked").GetInt32());
    }

    [Fact]
    public async Task Several_events_appended_in_one_commit_are_each_chained()
    {
        var id = await Lifecycle();
        var before = await app.Load(id);
        var reviewer = new Actor("officer", "张经办", Role.Reviewer, null, ["S-JJJS"]);
        await using (var session = app.Store.LightweightSession(TestOrganization.Tenant))
        {
            // What a command that records two facts at once does: one FetchForWriting, two events, one commit.
            var stream = await session.Events.FetchForWriting<Submission>(id);
            stream.AppendMany(
                new Approval.Workflow.Submissions.Reviewing.ReviewCommented(id, before.Round, "第一条", null, reviewer),
                new Approval.Workflow.Submissions.Reviewing.ReviewCommented(id, before.Round, "第二条", "满意度", reviewer));
            await session.SaveChangesAsync();
        }
        var result = await app.Get<JsonElement>("audit", $"/api/submissions/{id}/verify");
        Assert.True(result.GetProperty("intact").GetBoolean(), result.ToString());
        Assert.Equal(7, result.GetProperty("eventsChecked").GetInt32());
        var after = await app.Load(id);
        await using var query = app.Store.QuerySession(TestOrganization.Tenant);
        var last = (await query.Events.FetchStreamAsync(id))[^1];
        Assert.Equal((7, last.GetHeader("hash")?.ToString()), (after.Version, after.LastEventHash)); // the snapshot continues the chain
    }

    [Fact]
    public async Task Editing_an_event_with_sql_is_caught_and_named()
    {
        var id = await Lifecycle();
        await Sql("update approval.mt_events set data = jsonb_set(data, '{Grade}', '\"优\"') where stream_id = @id and version = 5", id);
        var result = await app.Get<JsonElement>("audit", $"/api/submissions/{id}/verify");
        Assert.False(result.GetProperty("intact").GetBoolean());
        var broken = result.GetProperty("firstBreak");
        Assert.Equal((5, "submission_approved"), (broken.GetProperty("version").GetInt64(), broken.GetProperty("eventType").GetString()));
        Assert.Contains("已被修改", result.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Editing_metadata_or_removing_an_event_is_caught()
    {
        var id = await Lifecycle();
        await Sql("update approval.mt_events set correlation_id = 'forged' where stream_id = @id and version = 2", id);
        var edited = await app.Get<JsonElement>("audit", $"/api/submissions/{id}/verify");
        Assert.Equal(2, edited.GetProperty("firstBreak").GetProperty("version").GetInt64());

        var other = await Lifecycle();
        await Sql("delete from approval.mt_events where stream_id = @id and version = 3", other);
        var removed = await app.Get<JsonElement>("audit", $"/api/submissions/{other}/verify");
        Assert.Equal(4, removed.GetProperty("firstBreak").GetProperty("version").GetInt64());
        Assert.Contains("删除或插入", removed.GetProperty("firstBreak").GetProperty("reason").GetString());
    }
    private sealed class CountingLogger(Marten.IMartenLogger inner, CommandCounter counter) : Marten.IMartenLogger
    {
        public Marten.IMartenSessionLogger StartSession(Marten.IQuerySession session) => counter;
        public void SchemaChange(string sql) => inner.SchemaChange(sql);
    }

    private sealed class CommandCounter : Marten.IMartenSessionLogger
    {
        public List<(Npgsql.NpgsqlConnection? Connection, string Text)> Commands { get; } = [];
        public void LogSuccess(Npgsql.NpgsqlCommand command) { }
        public void LogFailure(Npgsql.NpgsqlCommand command, Exception ex) { }
        public void LogSuccess(Npgsql.NpgsqlBatch batch) { }
        public void LogFailure(Npgsql.NpgsqlBatch batch, Exception ex) { }
        public void LogFailure(Exception ex, string message) { }
        public void RecordSavedChanges(Marten.IDocumentSession session, Marten.Services.IChangeSet commit) { }
        public void OnBeforeExecute(Npgsql.NpgsqlCommand command) { lock (Commands) Commands.Add((command.Connection, command.CommandText)); }
        public void OnBeforeExecute(Npgsql.NpgsqlBatch batch)
        {
            lock (Commands) Commands.Add((batch.Connection, string.Join(";", batch.BatchCommands.Select(static (Npgsql.NpgsqlBatchCommand c) => c.CommandText))));
        }
    }

    [Fact]
    public async Task Stamping_the_chain_costs_no_extra_round_trip_on_the_command_path()
    {
        var id = await Lifecycle();
        var before = await app.Load(id);
        var reviewer = new Actor("officer", "张经办", Role.Reviewer, null, ["S-JJJS"]);
        await using var session = app.Store.LightweightSession(TestOrganization.Tenant);
        var batch = session.CreateBatchQuery(); // as Wolverine's generated endpoints fetch the aggregate
        var fetched = batch.Events.FetchForWriting<Submission>(id);
        await batch.Execute();
        var stream = await fetched;
        stream.AppendOne(new Approval.Workflow.Submissions.Reviewing.ReviewCommented(id, before.Round, "计数", null, reviewer));
        // A tenant's session takes its logger from the store when it commits, so the store's logger hands this one out.
        var counter = new CommandCounter();
        var options = ((Marten.DocumentStore)app.Store).Options;
        var original = options.Logger();
        options.Logger(new CountingLogger(original, counter));
        var connection = session.Connection; // one connection per session (docs/benchmarks.md)
        Assert.NotNull(connection);
        try { await session.SaveChangesAsync(); }
        finally { options.Logger(original); }
        // Other work reads and commits through the store meanwhile, on its own connections: only this session's round trips
        // count. Two: the read models' documents this command continues (the review-queue line and the 汇总审核表 entry, one
        // batch: they are written inline, docs/benchmarks.md) and the commit itself. The chain adds none: the previous link
        // came from the fetched snapshot, not from a read of mt_events.
        List<string> own;
        lock (counter.Commands) own = counter.Commands.Where(c => ReferenceEquals(c.Connection, connection)).Select(c => c.Text).ToList();
        var shown = string.Join("\n---\n", own.Select(c => c[..Math.Min(300, c.Length)]));
        Assert.True(own.Count == 2, shown);
        Assert.Contains("mt_doc_reviewqueueitem", own[0]);
        Assert.Contains("mt_doc_unitsummaryentry", own[0]);
        Assert.DoesNotContain("mt_events", own[0]);
        Assert.Contains("mt_quick_append_events", own[1]);
    }
}

/// <summary>The application's database role can add events but never change or remove them.</summary>
public class DatabaseRoleTests(WorkflowFixture app) : IClassFixture<WorkflowFixture>
{
    [Theory]
    [InlineData("update approval.mt_events set data = data")]
    [InlineData("delete from approval.mt_events")]
    [InlineData("truncate approval.mt_events")]
    public async Task The_application_role_cannot_update_or_delete_event_rows(string sql)
    {
        Assert.NotEqual(app.ConnectionString, app.AppConnectionString);
        await using var conn = new NpgsqlConnection(app.AppConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        var error = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task The_application_still_works_as_that_role()
    {
        var created = await app.Command("prep", "/api/submissions", new { fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title = "角色测试", content = Samples.Ganfutong() }, 201);
        var id = created.GetProperty("submissionId").GetGuid();
        await app.Command("prep", $"/api/submissions/{id}/score", new { version = 1 });
        Assert.Equal(2, await app.StreamVersion(id));
    }

    [Fact]
    public async Task The_migration_compresses_event_and_document_json_with_lz4()
    {
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            select c.relname, a.attcompression::text from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'approval' and a.attname = 'data' and c.relkind = 'r' and c.relname in ('mt_events', 'mt_doc_submission', 'mt_doc_scoresheet', 'mt_doc_reviewqueueitem')
            """, conn);
        var settings = new Dictionary<string, string>();
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) settings[reader.GetString(0)] = reader.GetString(1);
        Assert.Equal(4, settings.Count);
        Assert.All(settings, s => Assert.Equal("l", s.Value));
    }

}
