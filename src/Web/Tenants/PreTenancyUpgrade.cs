using Npgsql;

namespace Approval.Web.Tenants;

/// <summary>
/// Takes over a database written before 财政局 tenancy: such a deployment served exactly one bureau, so every stream,
/// event and document it holds is assigned to the bureau the operator names (<see cref="IdSetting"/>,
/// <see cref="NameSetting"/>; the demo's 上饶市财政局 in demo mode), and that bureau is registered. Runs inside the
/// start-up migration's lock, as the schema owner. Event data, versions and chain links are untouched — the chain does
/// not cover the tenant — so every history still verifies.
/// </summary>
public static class PreTenancyUpgrade
{
    public const string IdSetting = "Approval:UpgradeBureau:Id";
    public const string NameSetting = "Approval:UpgradeBureau:Name";

    public sealed record Bureau(string Id, string Name);

    /// <summary>The bureau named by configuration; in demo mode without a setting, the demo's first bureau.</summary>
    public static Bureau? FromConfiguration(IConfiguration configuration)
    {
        var id = configuration[IdSetting];
        if (!string.IsNullOrWhiteSpace(id))
        {
            if (!FinanceBureau.IsValidId(id) || id == FinanceBureau.Province)
                throw new InvalidOperationException($"{IdSetting}「{id}」不是有效的财政局编码：只能用小写字母、数字和连字符（最多 40 个），且不能是 {FinanceBureau.Province}。");
            var name = configuration[NameSetting];
            return new Bureau(id, string.IsNullOrWhiteSpace(name) ? id : name.Trim());
        }
        if (Organization.DemoData.IsEnabled(configuration))
        {
            var demo = Organization.DemoBureaus.All[0];
            return new Bureau(demo.Id, demo.Name);
        }
        return null;
    }

    /// <summary>
    /// True while the schema still has the single-bureau shape: the streams keyed by id alone, or (after an upgrade
    /// interrupted between its steps) the accounts without a tenant column.
    /// </summary>
    public static async Task<bool> IsNeededAsync(NpgsqlConnection conn, string schema, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            select
              (select count(*) from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
               where i.indisprimary and i.indrelid = to_regclass(format('%I.mt_streams', @schema))) = 1
              or (to_regclass(format('%I.mt_doc_account', @schema)) is not null and not exists (
                   select 1 from information_schema.columns where table_schema = @schema and table_name = 'mt_doc_account' and column_name = 'tenant_id'))
            """, conn);
        command.Parameters.AddWithValue("schema", schema);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// Gives the event tables their conjoined shape with every row in the bureau, before Marten's own migration: Marten
    /// would add the tenant's foreign key twice in one script and fail (PostgreSQL 42710).
    /// </summary>
    public static async Task PrepareEventTablesAsync(NpgsqlConnection conn, string schema, Bureau bureau, CancellationToken ct)
    {
        string? streamsKey;
        await using (var find = new NpgsqlCommand("""
            select c.conname from pg_constraint c where c.contype = 'p' and c.conrelid = to_regclass(format('%I.mt_streams', @schema))
              and array_length(c.conkey, 1) = 1
            """, conn))
        {
            find.Parameters.AddWithValue("schema", schema);
            streamsKey = await find.ExecuteScalarAsync(ct) as string;
        }
        if (streamsKey is null) return;

        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var command = new NpgsqlCommand($"""
            update {schema}.mt_streams set tenant_id = @tenant;
            update {schema}.mt_events set tenant_id = @tenant;
            alter table {schema}.mt_streams drop constraint "{streamsKey}" cascade;
            alter table {schema}.mt_streams add constraint pkey_mt_streams_tenant_id_id primary key (tenant_id, id);
            alter table {schema}.mt_events add constraint fkey_mt_events_stream_id_tenant_id
              foreign key (tenant_id, stream_id) references {schema}.mt_streams (tenant_id, id);
            drop index if exists {schema}.pk_mt_events_stream_and_version;
            create unique index pk_mt_events_stream_and_version on {schema}.mt_events using btree (tenant_id, stream_id, version);
            """, conn, tx))
        {
            command.Parameters.AddWithValue("tenant", bureau.Id);
            await command.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>After Marten has added the tenant column (default tenant) to every multi-tenanted table: the documents move to the bureau.</summary>
    public static async Task AssignDocumentsAsync(NpgsqlConnection conn, string schema, Bureau bureau, CancellationToken ct)
    {
        var tables = new List<string>();
        await using (var find = new NpgsqlCommand("""
            select table_name from information_schema.columns
            where table_schema = @schema and column_name = 'tenant_id' and table_name like 'mt\_doc\_%'
            """, conn))
        {
            find.Parameters.AddWithValue("schema", schema);
            await using var reader = await find.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) tables.Add(reader.GetString(0));
        }
        await using var tx = await conn.BeginTransactionAsync(ct);
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand($"update {schema}.\"{table}\" set tenant_id = @tenant where tenant_id = '*DEFAULT*'", conn, tx);
            command.Parameters.AddWithValue("tenant", bureau.Id);
            await command.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }
}
