using System.Diagnostics;
using Approval.Web;
using Approval.Web.Auth;
using Approval.Web.Organization;
using Approval.Web.Tenants;
using Approval.Workflow.SelfEvaluation;
using Approval.Workflow.Submissions;
using Approval.Workflow.Submissions.Drafting;
using Approval.Workflow.Submissions.Publishing;
using Approval.Workflow.Submissions.Reviewing;
using Approval.Workflow.Submissions.Submitting;
using Approval.Workflow.Templates;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Identity;

namespace Approval.Bench;

/// <summary>
/// A province-sized store for the read benchmark, after the scale model (docs/scale.md): 财政局 of 1,200 (省本级),
/// 400 (设区市本级) and 150 (县级) budget units, 9 forms per unit and year over several fiscal years: 8 real 项目支出绩效自评表 (the seed form and
/// its real score card) and the unit's 汇总审核表 over them. Past years are 已公开; the current year is in its deadline
/// week (草稿, 待审核, 审核中, 已退回, 已通过, 已公开, a tenth of the sent forms in their second round). The events are
/// appended with Marten's bulk COPY under each bureau's tenant, the inline snapshot and score sheet folded with the
/// app's own <see cref="Submission.After"/> and <see cref="ScoreSheet"/>, and the async read models rebuilt by the
/// app's own projections — the app then serves these forms as it serves forms created through its API.
/// </summary>
public static class ProvinceStore
{
    public const int FormsPerUnitAndYear = 9;

    /// <summary>One 财政局: its units are split over its 业务股室 round-robin.</summary>
    public sealed record Bureau(string Id, string Name, int Units, int Sections)
    {
        public string UnitId(int u) => $"{Id}-u{u}";
        public string UnitName(int u) => $"{Name}预算单位{u}";
        public string SectionId(int s) => $"{Id}-s{s}";
        public static string SectionName(int s) => $"业务{s + 1}股";
        public int SectionOf(int u) => u % Sections;
        public string Reviewer(int s) => $"rev-{Id}-{s}";
        public string Auditor => $"audit-{Id}";
        public string Preparer(int u) => $"prep-{Id}-{u}";
    }

    /// <summary>
    /// The scale model's bureaus in order — the 省本级 (1,200 units, 15 业务处), 11 设区市本级 (400 units, 10 股室 each), 100 县级
    /// (150 units, 6 股室 each) — until <paramref name="units"/> are placed (the last bureau takes what is left). The largest
    /// bureau comes first, so that a small store still has the province's largest scopes as far as it can.
    /// </summary>
    public static List<Bureau> Layout(int units)
    {
        var model = new List<(string Id, string Name, int Units, int Sections)> { ("prov", "省本级", 1200, 15) };
        for (var c = 1; c <= 11; c++) model.Add(($"city{c:00}", $"设区市{c}本级", 400, 10));
        for (var c = 1; c <= 100; c++) model.Add(($"county{c:000}", $"县{c}", 150, 6));
        var layout = new List<Bureau>();
        var left = units;
        foreach (var (id, name, n, sections) in model)
        {
            if (left <= 0) break;
            var take = Math.Min(n, left);
            layout.Add(new Bureau(id, name, take, Math.Max(1, (int)Math.Round(sections * (double)take / n))));
            left -= take;
        }
        return layout;
    }

    /// <summary>The state a form is left in: past years all 已公开; the current year in the deadline week's mix.</summary>
    public static (SubmissionState State, bool SecondRound) Target(int form, bool currentYear)
    {
        if (!currentYear) return (SubmissionState.Published, form % 10 == 3);
        var state = (form % 20) switch
        {
            < 4 => SubmissionState.Draft,        // 20%
            < 9 => SubmissionState.Submitted,    // 25%
            < 11 => SubmissionState.InReview,    // 10%
            < 12 => SubmissionState.Returned,    // 5%
            < 15 => SubmissionState.Approved,    // 15%
            _ => SubmissionState.Published,      // 25%
        };
        return (state, state is not (SubmissionState.Draft or SubmissionState.Returned) && form % 10 == 3);
    }

    public static string ProjectTitle(int k) => $"项目{k + 1}：{Projects[k % Projects.Length]}";
    private static readonly string[] Projects = ["信息化建设运维", "办公楼维修改造", "专项业务经费", "政府购买服务", "基层站所运转", "培训及会议", "设备购置", "课题研究", "宣传与公开"];

    public sealed record Loaded(long Forms, long Events, double LoadSeconds, double ProjectSeconds, Dictionary<SubmissionState, long> ByState);

    public static async Task SeedOrganizationAsync(DocumentStore store, IReadOnlyList<Bureau> layout, string password)
    {
        var hash = new PasswordHasher<Account>().HashPassword(new Account(), password); // one hash: the accounts share the password
        foreach (var b in layout)
        {
            await using var session = store.LightweightSession(b.Id);
            session.Store(new FinanceBureau { Id = b.Id, Name = $"{b.Name}财政局" });
            for (var s = 0; s < b.Sections; s++)
            {
                session.Store(new ReviewSection { Id = b.SectionId(s), Name = Bureau.SectionName(s) });
                session.Store(new Account { Id = b.Reviewer(s), DisplayName = $"经办人{s}", Role = Role.Reviewer, SectionIds = [b.SectionId(s)], PasswordHash = hash, SecurityStamp = "bench" });
            }
            for (var u = 0; u < b.Units; u++)
                session.Store(new BudgetUnit { Id = b.UnitId(u), Name = b.UnitName(u), SectionId = b.SectionId(b.SectionOf(u)) });
            // 填报人 accounts for the first units only: they are the ones the benchmark signs in as
            for (var u = 0; u < Math.Min(b.Units, 20); u++)
                session.Store(new Account { Id = b.Preparer(u), DisplayName = $"填报人{u}", Role = Role.Preparer, UnitId = b.UnitId(u), PasswordHash = hash, SecurityStamp = "bench" });
            session.Store(new Account { Id = b.Auditor, DisplayName = "审计", Role = Role.Auditor, PasswordHash = hash, SecurityStamp = "bench" });
            await session.SaveChangesAsync();
        }
    }

    /// <summary>The events of one form's lifecycle up to its target state.</summary>
    private static object[] Lifecycle(Guid id, Bureau b, int u, int k, int year, bool currentYear, Forms forms)
    {
        // the ninth form of a unit and year is its 汇总审核表 over the eight 自评表
        var summary = k == FormsPerUnitAndYear - 1;
        var (content, first, second) = summary ? (forms.Summary, forms.SummaryCard, forms.SummaryCard) : (forms.Project, forms.First, forms.Second);
        var kind = summary ? SubmissionKind.SummaryReview : SubmissionKind.ProjectSelfEvaluation;
        var (target, secondRound) = Target(u * FormsPerUnitAndYear + k, currentYear);
        var unit = b.UnitId(u);
        var s = b.SectionOf(u);
        var preparer = new Actor(b.Preparer(u), $"填报人{u}", Role.Preparer, unit);
        var reviewer = new Actor(b.Reviewer(s), $"经办人{s}", Role.Reviewer, null, [b.SectionId(s)]);
        var title = summary ? $"{year}年度项目支出绩效自评情况汇总审核表" : ProjectTitle(k);
        var events = new List<object>
        {
            new SubmissionDrafted(id, unit, b.UnitName(u), year, kind, title, content, preparer),
            new SubmissionScored(id, first, preparer),
        };
        if (target == SubmissionState.Draft) return [.. events];
        events.Add(new SubmittedForReview(id, 1, 1, b.SectionId(s), Bureau.SectionName(s), preparer));
        var round = 1;
        if (secondRound)
        {
            events.Add(new ReviewClaimed(id, 1, reviewer));
            events.Add(new ReturnedForRevision(id, 1, "请补充绩效指标的佐证材料", [new RowRemark("产出指标 第1行", "目标值与实际值口径不一致")], reviewer));
            events.Add(new DraftRevised(id, 2, title, content, ["全年执行数：300 → 301"], preparer));
            events.Add(new SubmissionScored(id, second, preparer));
            events.Add(new SubmittedForReview(id, 2, 2, b.SectionId(s), Bureau.SectionName(s), preparer));
            round = 2;
        }
        if (target == SubmissionState.Submitted) return [.. events];
        events.Add(new ReviewClaimed(id, round, reviewer));
        if (target == SubmissionState.InReview) return [.. events];
        if (target == SubmissionState.Returned)
        {
            events.Add(new ReturnedForRevision(id, round, "请补充绩效指标的佐证材料", [], reviewer));
            return [.. events];
        }
        events.Add(new SubmissionApproved(id, round, Grade.良, Grade.良, null, "同意", $"经办人{s}", "业务专用章", reviewer));
        if (target == SubmissionState.Approved) return [.. events];
        events.Add(new SubmissionPublished(id, 1, $"{b.Id}-{year}-{u}-{k}", b.UnitName(u), true, true, reviewer));
        return [.. events];
    }

    private sealed record Forms(SubmissionContent Project, ScoreCard First, ScoreCard Second, SubmissionContent Summary, ScoreCard SummaryCard);

    private static Submission Fold(DocumentStore store, Guid id, object[] lifecycle, DateTimeOffset at)
    {
        Submission? submission = null;
        for (var v = 0; v < lifecycle.Length; v++)
        {
            var e = store.Events.BuildEvent(lifecycle[v]);
            e.StreamId = id;
            e.Version = v + 1;
            e.Timestamp = at;
            submission = Submission.After(submission, e);
        }
        return submission!;
    }

    /// <summary>
    /// Appends every bureau's forms (years <paramref name="firstYear"/>…, the last one current) and builds the read models.
    /// <paramref name="sample"/> receives some forms' ids with the bureau, unit index and expected state, for the API check.
    /// </summary>
    public static async Task<Loaded> PreloadAsync(string ownerConnection, IReadOnlyList<Bureau> layout, int firstYear, int years, ProjectSelfEvaluationForm form,
        List<(Bureau Bureau, int Unit, Guid Id, int Year, SubmissionState State, long Version, string Title)> sample)
    {
        using var store = new DocumentStore(ApprovalHost.BuildStoreOptions(ownerConnection, "approval", chainKey: null));
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var content = new SubmissionContent { ProjectForm = form };
        var summaryContent = new SubmissionContent { Summary = new SummaryDeclaration((form.Funds.Total.Executed ?? 0) * (FormsPerUnitAndYear - 1), FormsPerUnitAndYear - 1) };
        var kinds = new Forms(content, SubmissionScoring.Score(SubmissionKind.ProjectSelfEvaluation, content, 1), SubmissionScoring.Score(SubmissionKind.ProjectSelfEvaluation, content, 2),
            summaryContent, SubmissionScoring.Score(SubmissionKind.SummaryReview, summaryContent, 1));
        var load = Stopwatch.StartNew();
        long events = 0, forms = 0;
        var byState = new Dictionary<SubmissionState, long>();
        var random = new Random(28);
        const int batchForms = 1500;
        foreach (var b in layout)
        {
            var actions = new List<StreamAction>();
            var snapshots = new List<Submission>();
            var sheets = new List<ScoreSheet>();
            async Task Flush()
            {
                if (actions.Count == 0) return;
                await store.BulkInsertEventsAsync(b.Id, actions);
                await store.BulkInsertDocumentsAsync(b.Id, snapshots);
                await store.BulkInsertDocumentsAsync(b.Id, sheets);
                actions.Clear();
                snapshots.Clear();
                sheets.Clear();
            }
            for (var y = 0; y < years; y++)
            {
                var year = firstYear + y;
                // a year's forms were written over that year: their times are spread over it, the current year's up to now
                var yearEnd = y == years - 1 ? DateTimeOffset.UtcNow : DateTimeOffset.UtcNow.AddYears(y - years + 1);
                for (var u = 0; u < b.Units; u++)
                    for (var k = 0; k < FormsPerUnitAndYear; k++)
                    {
                        var id = Guid.CreateVersion7();
                        var lifecycle = Lifecycle(id, b, u, k, year, y == years - 1, kinds);
                        var at = yearEnd.AddMinutes(-random.Next(0, 60 * 24 * 300));
                        actions.Add(StreamAction.Start(store.Events, id, lifecycle));
                        foreach (var e in actions[^1].Events) e.Timestamp = at;
                        var snapshot = Fold(store, id, lifecycle, at);
                        snapshots.Add(snapshot);
                        sheets.Add(new ScoreSheet { Id = id, Card = snapshot.Kind == SubmissionKind.SummaryReview ? kinds.SummaryCard : snapshot.ContentVersion == 2 ? kinds.Second : kinds.First });
                        events += lifecycle.Length;
                        forms++;
                        byState[snapshot.State] = byState.GetValueOrDefault(snapshot.State) + 1;
                        if (random.Next(0, 1000) < 2 || (u == 0 && k == 0)) sample.Add((b, u, id, year, snapshot.State, snapshot.Version, snapshot.Title));
                        if (actions.Count >= batchForms) await Flush();
                    }
            }
            await Flush();
            Console.WriteLine($"  {b.Id}: {b.Units:N0} units, {b.Sections} 股室; {forms:N0} forms so far, {load.Elapsed.TotalSeconds:0} s");
        }
        var loadSeconds = load.Elapsed.TotalSeconds;

        var project = Stopwatch.StartNew();
        var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync(ApprovalHost.ReadModels, TimeSpan.FromMinutes(120), CancellationToken.None);
        // the notifications of history were never sent to anyone: the subscription starts at the present
        await StoreMaintenance.SettleAsync(ownerConnection,
            "insert into approval.mt_event_progression (name, last_seq_id, last_updated) select 'NotificationSubscription:All', max(seq_id), now() from approval.mt_events " +
            "on conflict (name) do update set last_seq_id = excluded.last_seq_id");
        return new Loaded(forms, events, loadSeconds, project.Elapsed.TotalSeconds, byState);
    }
}
