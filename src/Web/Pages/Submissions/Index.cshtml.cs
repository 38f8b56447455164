using Approval.Web.Auth;
using Approval.Web.Organization;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Summary;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages.Submissions;

public class IndexModel(IQuerySession session) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public SubmissionState? State { get; set; }
    public IReadOnlyList<Submission> Submissions { get; private set; } = [];
    public PageOf<object> Pager { get; private set; } = new([], 0, 1, Paging.DefaultSize);
    public IReadOnlyList<int> Years { get; private set; } = [];
    /// <summary>The years with a 汇总审核表: a 项目支出绩效自评表 sent to the section, or a 汇总 submission (discarded ones aside).</summary>
    public IReadOnlyList<int> SummaryYears { get; private set; } = [];
    /// <summary>生成汇总: the years whose 自评表 have reached the section and that have no live 汇总 submission yet, with how many
    /// projects the table would list.</summary>
    public IReadOnlyList<(int Year, int Projects)> SummaryToGenerate { get; private set; } = [];
    public string UnitId { get; private set; } = "";
    public string UnitName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = PageAccess.Admitted(User); // a unit's preparer (PageAccess.Preparing)
        var unitId = UnitId = actor.UnitId!;
        UnitName = (await session.LoadAsync<BudgetUnit>(unitId, ct))?.Name ?? unitId;
        var yearly = await session.Query<Submission>().VisibleTo(actor)
            .Where(s => s.State != SubmissionState.Discarded && (s.Kind == SubmissionKind.ProjectSelfEvaluation || s.Kind == SubmissionKind.SummaryReview))
            .ToListAsync(ct);
        // A year whose 自评表 are all drafts has no 汇总 yet: its table would be empty.
        SummaryYears = [.. yearly.Where(s => s.Kind == SubmissionKind.SummaryReview || s.State.IsSectionBusiness())
            .Select(s => s.FiscalYear).Distinct().OrderDescending()];
        SummaryToGenerate = [.. yearly.GroupBy(s => s.FiscalYear)
            .Where(g => g.All(s => s.Kind != SubmissionKind.SummaryReview))
            .Select(g => (g.Key, UnitSummaryReview.Assemble(g.Select(UnitSummaryEntries.Of))?.OrderedProjects().Count ?? 0))
            .Where(y => y.Item2 > 0).OrderByDescending(y => y.Key)];
        Years = (await session.Query<Submission>().VisibleTo(actor).Select(s => s.FiscalYear).Distinct().ToListAsync(ct)).OrderDescending().ToList();
        var query = session.Query<Submission>().VisibleTo(actor);
        if (Year is not null) query = query.Where(s => s.FiscalYear == Year);
        if (State is not null) query = query.Where(s => s.State == State);
        var found = await new Paging(PageQuery.Number(Request), Paging.DefaultSize).ApplyAsync(query.OrderByDescending(s => s.UpdatedAt), ct);
        Submissions = found.Items;
        Pager = found.Position();
        return Page();
    }
}
