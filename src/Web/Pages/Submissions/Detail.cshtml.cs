using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Approval.Web.Auth;
using Approval.Web.Pages.Forms;
using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Submitting;
using Approval.Workflow.Submissions.Summary;
using Approval.Workflow.Templates;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Web.Pages.Submissions;

public class DetailModel(IQuerySession session, TimeProvider clock) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Escapes <, >, & and quotes: the JSON island can never close its script tag.
        Encoder = JavaScriptEncoder.Default,
        Converters = { new JsonStringEnumConverter() },
    };

    public Submission Submission { get; private set; } = null!;
    /// <summary>The latest score in full (findings, explanations); null until scored.</summary>
    public ScoreCard? ScoreCard { get; private set; }
    public Actor Actor { get; private set; } = null!;
    public IReadOnlyList<string> ChangesSincePreviousRound { get; private set; } = [];
    public string DataJson { get; private set; } = "{}";
    /// <summary>The 自评表 in its official layout with this score's findings and the 业务股室's block; null for other kinds.</summary>
    public SelfEvaluationFormView? FormView { get; private set; }
    /// <summary>A 部门决算公开 package's publication deadline as of today (Beijing); null for other kinds.</summary>
    public DeadlineStatus? Deadline { get; private set; }
    /// <summary>Whether the 业务股室 grades this kind (a 部门决算公开 package is approved or returned, never graded).</summary>
    public bool IsGraded => ReviewRules.IsGraded(Submission.Kind);

    /// <summary>The unit's other reports filing the same project and year (shown to the unit only: a section never learns of drafts).</summary>
    public IReadOnlyList<Submission> SameReports { get; private set; } = [];

    /// <summary>A scored 自评表's 自评质量 flags (against its current score and last year's form); null otherwise.</summary>
    public Approval.Web.Submissions.Credibility.FormCredibilityView? Credibility { get; private set; }

    /// <summary>A 汇总 submission's table: the unit's sent 自评表 of the year as this submission declares them; null for other kinds.</summary>
    public SummaryReviewView? SummaryView { get; private set; }

    /// <summary>The steps the caller may take now (<see cref="SubmissionActions"/>), as <c>GET /api/submissions/{id}</c> lists them: the page offers exactly these.</summary>
    public IReadOnlyList<SubmissionAction> Actions { get; private set; } = [];
    public bool Can(SubmissionAction action) => Actions.Contains(action);
    public bool CanEdit => Can(SubmissionAction.Edit);
    /// <summary>Who the caller's decision is recorded as: the holder, or during a 委托 the holder's stand-in (代 whom); null when they may not decide.</summary>
    public Actor? DecidingAs => Submission.State == SubmissionState.InReview ? Workflow.Submissions.Reviewing.ReviewRules.DecidingAs(Submission, Actor) : null;
    public bool ScoreIsCurrent => Submission.Score?.ContentVersion == Submission.ContentVersion;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Actor = PageAccess.Admitted(User);
        // the snapshot and the score card in one round trip
        var batch = session.CreateBatchQuery();
        var loadSubmission = batch.Load<Submission>(id);
        var loadSheet = batch.Load<ScoreSheet>(id);
        await batch.Execute(ct);
        var submission = await loadSubmission;
        if (submission is null || !SubmissionAccess.CanSee(Actor, submission)) return NotFound();
        Submission = submission;
        Actions = SubmissionActions.For(submission, Actor);
        ScoreCard = (await loadSheet)?.Card;

        if (submission.Content.ProjectForm is { } form)
            FormView = new SelfEvaluationFormView(form, submission.FiscalYear)
            {
                Result = ScoreCard?.SelfEvaluation,
                Findings = ScoreCard?.Findings ?? [],
                Remarks = [.. submission.Rounds.SelectMany(r => r.RowRemarks)],
                Review = submission.Approval is { Grade: { } grade } a ? new ReviewerSignOff(grade, a.Signature, a.ReviewedAt, a.StampReference, submission.SectionName) : null,
            };

        Credibility = await Approval.Web.Submissions.Credibility.FormCredibility.OfAsync(submission, ScoreCard, Actor, session, ct);

        if (Actor.Role == Role.Preparer && submission.State != SubmissionState.Discarded)
        {
            var unitsOfTheYear = await session.Query<Submission>()
                .Where(o => o.UnitId == submission.UnitId && o.FiscalYear == submission.FiscalYear && o.Kind == submission.Kind && o.Id != submission.Id && o.State != SubmissionState.Discarded)
                .ToListAsync(ct);
            SameReports = Approval.Workflow.Submissions.Drafting.SameReport.Among(submission, unitsOfTheYear);
        }

        if (submission.Content.Summary is not null)
            SummaryView = SummaryReviewView.Of((await UnitSummaryReview.OfSummaryAsync(session, submission, ct)).VisibleTo(Actor), interactive: true);

        if (submission.Content.Disclosure is { } package)
            Deadline = PublicationDeadline.Status(package.BudgetApprovedOn, submission.State == SubmissionState.Published, PublicationDeadline.Today(clock));

        if (submission.Rounds.Count >= 2)
        {
            var events = await session.Events.FetchStreamAsync(id, token: ct);
            var submits = events.Where(e => e.Data is SubmittedForReview).Select(e => e.Version).ToList();
            var previous = await session.Events.AggregateStreamAsync<Submission>(id, submits[^2], token: ct);
            if (previous is not null) ChangesSincePreviousRound = ContentDiff.Between(previous.Content, submission.Content);
        }

        DataJson = JsonSerializer.Serialize(new
        {
            submission.Id, submission.Version, submission.Kind, submission.State, submission.Title,
            // every row with its id (a row stored without one gets its place's): the editor sends them back, and the rows stay themselves
            Content = submission.Content.ProjectForm is { } shown ? submission.Content with { ProjectForm = IndicatorRowIds.WithIds(shown) } : submission.Content,
            Score = ScoreCard,
            // the reviewers' 逐行意见, shown beside their rows while the preparer edits a returned form
            Remarks = submission.Rounds.SelectMany(r => r.RowRemarks.Select(m => new { Round = r.Number, m.RowId, m.RowReference, m.Remark })),
            LevelOnes = BuiltInTemplates.All.SelectMany(t => t.LevelOnes).GroupBy(l => l.Name)
                .ToDictionary(g => g.Key, g => g.SelectMany(l => l.LevelTwos).Distinct().ToList()),
        }, Json);
        return Page();
    }
}
