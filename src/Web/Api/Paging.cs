using Marten;

namespace Approval.Web;

/// <summary>One page of a list, with the total it was cut from: no list endpoint truncates silently.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, long Total, int Page, int PageSize)
{
    public long Pages => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;

    /// <summary>Where this page stands, without its items: what a pager shows.</summary>
    public PageOf<object> Position() => new([], Total, Page, PageSize);
}

/// <summary><c>page</c> (from 1) and <c>pageSize</c> (1–200, default 50) of every list endpoint and page.</summary>
public readonly record struct Paging(int Page, int Size)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;
    public const int MaxPage = 1_000_000;

    /// <summary>The paging asked for, or a 400 problem saying what is wrong with it.</summary>
    public static (Paging Paging, IResult? Refusal) From(int? page, int? pageSize)
    {
        if (page is < 1 or > MaxPage) return (default, Problems.BadRequest("page-invalid", "页码应在 1–1,000,000 之间", "page must be 1 to 1000000"));
        if (pageSize is < 1 or > MaxSize) return (default, Problems.BadRequest("page-size-invalid", $"每页条数应在 1–{MaxSize} 之间", $"pageSize must be 1 to {MaxSize}"));
        return (new Paging(page ?? 1, pageSize ?? DefaultSize), null);
    }

    public async Task<PageOf<T>> ApplyAsync<T>(IQueryable<T> query, CancellationToken ct) where T : notnull
    {
        // The total by a count of its own (an index-only scan where it can be) and the page by OFFSET/LIMIT. Not
        // ToPagedList: its count(*) OVER() spools every matching row, whole documents included, before the first is
        // returned — 200 ms for a bureau's 18,000 forms where the count takes a fraction of that (docs/benchmarks.md, "Reads").
        var total = await query.LongCountAsync(ct);
        var items = total > (long)(Page - 1) * Size ? await query.Skip((Page - 1) * Size).Take(Size).ToListAsync(ct) : [];
        return new PageOf<T>(items, total, Page, Size);
    }

    public PageOf<T> Apply<T>(IReadOnlyCollection<T> all) => new(all.Skip((Page - 1) * Size).Take(Size).ToList(), all.Count, Page, Size);
}
