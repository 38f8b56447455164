using Approval.Web.Auth;
using Approval.Workflow.Submissions;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Approval.Web.Pages;

/// <summary>One link of the top navigation; <see cref="Count"/> is a to-do count shown beside it.</summary>
public sealed record NavLink(string Id, string Text, string Href, long? Count = null);

/// <summary>
/// The top navigation per role, with to-do counts under the same scope as the lists:
/// 填报人 their unit's 草稿 and 已退回; 审核人 their sections' 待审核 (unclaimed), 审核中 held by them, 待公开;
/// 审计/管理员 the same counts over everything. One batched round trip per page render.
/// </summary>
public sealed class WorkNavViewComponent(IQuerySession session) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var actor = UserClaimsPrincipal.ToActor();
        return View(await LinksFor(session, actor, HttpContext.RequestAborted));
    }

    /// <summary>The links and their counts; the same for the page and for <c>GET /api/work-counts</c>, which keeps the badges live.</summary>
    public static async Task<IReadOnlyList<NavLink>> LinksFor(IQuerySession session, Actor? actor, CancellationToken ct)
    {
        NavLink publicReports = new("nav-public", "公开报告", "/public");
        switch (actor)
        {
            case { Role: Role.Preparer, UnitId: not null }:
            {
                var batch = session.CreateBatchQuery();
                var drafts = batch.Query<Submission>().VisibleTo(actor).Count(s => s.State == SubmissionState.Draft);
                var returned = batch.Query<Submission>().VisibleTo(actor).Count(s => s.State == SubmissionState.Returned);
                await batch.Execute(ct);
                return [new("nav-unit", "本单位报告", "/submissions"), new("nav-drafts", "草稿", "/submissions?state=Draft", await drafts),
                    new("nav-returned", "已退回", "/submissions?state=Returned", await returned), publicReports];
            }
            case { Role: Role.Reviewer or Role.Auditor or Role.Admin }:
            {
                // The queue's scope (SubmissionVisibility), read from the inline snapshot rather than the async queue: the page
                // rendered right after an action counts it. A reviewer's 审核中 is what they hold (a stand-in: and those they stand in for).
                var batch = session.CreateBatchQuery();
                var waiting = batch.Query<Submission>().VisibleTo(actor).Count(s => s.State == SubmissionState.Submitted);
                var holders = actor.StandingIn.Select(s => s.DelegatorId).Append(actor.UserId).ToArray();
                var mine = actor.Role == Role.Reviewer
                    ? batch.Query<Submission>().VisibleTo(actor).Count(s => s.State == SubmissionState.InReview && s.ClaimedBy!.UserId.IsOneOf(holders))
                    : batch.Query<Submission>().VisibleTo(actor).Count(s => s.State == SubmissionState.InReview);
                var approved = batch.Query<Submission>().VisibleTo(actor).Count(s => s.State == SubmissionState.Approved);
                await batch.Execute(ct);
                List<NavLink> links = [];
                if (actor.Role == Role.Admin) links.Add(new("nav-admin", "系统管理", "/admin"));
                if (actor.Role != Role.Reviewer) links.Add(new("nav-audit", "审计查阅", "/audit"));
                links.Add(new("nav-queue", "审核队列", "/review"));
                links.Add(new("nav-waiting", "待审核", "/review?state=Submitted", await waiting));
                links.Add(actor.Role == Role.Reviewer
                    ? new("nav-mine", "审核中", "/review?state=InReview&mine=true", await mine)
                    : new("nav-inreview", "审核中", "/review?state=InReview", await mine));
                links.Add(new("nav-to-publish", "待公开", "/review?state=Approved", await approved));
                links.Add(new("nav-spot-checks", "抽查复核", "/spot-checks"));
                links.Add(new("nav-dashboard", "统计", "/dashboard"));
                links.Add(new("nav-deadlines", "逾期催报", "/deadlines"));
                links.Add(publicReports);
                return links;
            }
            case { Role: Role.ProvinceAuditor }:
                return [new("nav-province", "跨财政局查阅", "/province"), publicReports];
            default:
                return [publicReports];
        }
    }
}
