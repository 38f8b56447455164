using System.Text.Json;
using Approval.Web.Public;
using Approval.Web.Submissions.Queries;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Submissions;
using Approval.Workflow.Templates;

namespace Approval.Web.Tests;

[Collection(ApiLane.Name)]
public class SubmissionLifecycleTests(WorkflowFixture app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.BeginClassAsync(GetType());
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Project_self_evaluation_return_revise_resubmit_approve_publish_correct()
    {
        var id = await app.Reports.Submitted();
        await app.Reports.Step("rev", id, "claim");
        await app.Reports.Step("rev", id, "comments", new { text = "请核对满意度得分", row = "企业满意度" });
        await app.Reports.Step("rev", id, "return", new { reason = "满意度得分计算有误", rowRemarks = new[] { new { rowReference = "企业满意度", remark = "92 ÷ 95 × 5 = 4.84" } } });
        Assert.Equal(SubmissionState.Returned, (await app.Load(id)).State);

        var form = Samples.GanfutongForm();
        var fixedForm = form with { Indicators = form.Indicators.Select(i => i.Name == "企业满意度" ? i with { StatedScore = 4.84m } : i).ToList() };
        await app.Command("prep", $"/api/submissions/{id}/content", new { version = await app.StreamVersion(id), content = new SubmissionContent { ProjectForm = fixedForm } },
            method: HttpMethod.Put);
        await app.Reports.Step("prep", id, "score");
        await app.Reports.Step("prep", id, "submit");
        await app.Reports.Step("rev", id, "claim");
        await app.Reports.Step("rev", id, "approve", new { grade = "良", opinion = "同意", signature = "张经办", stamp = "财政局经济建设股业务专用章" });
        await app.Reports.Step("rev", id, "publish", new { indexNumber = "SR-2021-001", publisher = "上饶市大数据发展管理局", confidentialityReviewed = true, principalSigned = true });
        var corrected = fixedForm with { Goal = fixedForm.Goal with { Actual = fixedForm.Goal.Actual + "（更正）" } };
        await app.Reports.Step("rev", id, "corrections", new { content = new SubmissionContent { ProjectForm = corrected }, reason = "补充完成情况", confidentialityReviewed = true, principalSigned = true });

        var s = await app.Load(id);
        Assert.Equal((SubmissionState.Published, 2, 2, Grade.良), (s.State, s.Round, s.PublicationVersion, s.Approval!.Grade));
        Assert.Equal(["退回修改", "审核通过：良"], s.Rounds.Select(r => r.Outcome));
        Assert.Equal("92 ÷ 95 × 5 = 4.84", s.Rounds[0].RowRemarks.Single().Remark);

        var history = await app.Get<List<AuditEntry>>("audit", $"/api/submissions/{id}/history");
        Assert.Equal(["SubmissionDrafted", "SubmissionScored", "SubmittedForReview", "ReviewClaimed", "ReviewCommented", "ReturnedForRevision", "DraftRevised",
            "SubmissionScored", "SubmittedForReview", "ReviewClaimed", "SubmissionApproved", "SubmissionPublished", "CorrectionPublished"],
            history.Select(h => ToTypeName(h.EventType)));
        Assert.All(history, h => Assert.NotNull(h.ActorId));
        Assert.All(history, h => Assert.False(string.IsNullOrEmpty(h.CorrelationId)));
        Assert.Contains("企业满意度", history.Single(h => h.EventType.Contains("revised")).Summary);

        var published = (await app.Get<PageOf<PublicListEntry>>("audit", "/api/public/reports?year=2021")).Items;
        var entry = Assert.Single(published, p => p.SubmissionId == id);
        Assert.Equal((2, "良"), (entry.PublicationVersion, entry.Grade));
        var first = await app.Send(null, HttpMethod.Get, $"/api/public/reports/{id}?version=1");
        Assert.Equal(200, (int)first.StatusCode); // the first version stays on record
        Assert.Equal(200, (int)(await app.Send(null, HttpMethod.Get, $"/public/{id}?version=1")).StatusCode);
        foreach (var version in new[] { "abc", "99999999999999999999", "0", "7" }) // no such version is not "the latest"
            Assert.Equal(404, (int)(await app.Send(null, HttpMethod.Get, $"/public/{id}?version={version}")).StatusCode);
    }

    private static string ToTypeName(string eventTypeName) =>
        string.Concat(eventTypeName.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    [Fact]
    public async Task The_full_score_lives_beside_the_snapshot_and_changes_only_when_scored()
    {
        var id = await app.Reports.Draft();
        await using (var session = app.Store.QuerySession(TestOrganization.Tenant))
            Assert.Null(await session.LoadAsync<ScoreSheet>(id));
        var scoredAt = await app.Reports.Step("prep", id, "score");
        await app.Reports.Step("prep", id, "submit");
        await app.Reports.Step("rev", id, "claim");

        await using var query = app.Store.QuerySession(TestOrganization.Tenant);
        var sheet = await query.LoadAsync<ScoreSheet>(id);
        var snapshot = await app.Load(id);
        Assert.NotNull(sheet);
        Assert.Equal(ScoreSummary.Of(sheet.Card), snapshot.Score); // the brief in the snapshot is the sheet's, exactly
        Assert.Contains(sheet.Card.Findings, f => f.Rule == "SE-INDICATOR-SCORE"); // 企业满意度 4.5 ≠ 4.84
        Assert.Equal(81.34m, snapshot.Score!.Total);
        // the snapshot every command rewrites carries no findings or explanations
        var raw = await query.QueryAsync<string>("select data::text from approval.mt_doc_submission where id = ?", id);
        var stored = JsonDocument.Parse(raw.Single()).RootElement.GetProperty("Score");
        // 赣服通's weights add to 85: no suggested grade, a caveat naming the errors instead (GradeCaveat)
        Assert.Equal(["ContentVersion", "ErrorCount", "GradeCaveat", "SuggestedGrade", "TemplateId", "TemplateVersion", "Total", "WarningCount"],
            stored.EnumerateObject().Select(p => p.Name).Order());
        Assert.True(raw.Single().Length < 8_000, $"snapshot of {raw.Single().Length} characters");
        // submit and claim left the sheet as the score command wrote it
        var lastWrite = await query.QueryAsync<long>("select mt_version from approval.mt_doc_scoresheet where id = ?", id);
        Assert.Equal(scoredAt, lastWrite.Single());
    }

    [Theory]
    [InlineData(SubmissionKind.FinalAccountsDisclosure)]
    [InlineData(SubmissionKind.DepartmentSelfEvaluation)]
    public async Task Other_kinds_go_through_review_to_publication(SubmissionKind kind)
    {
        var content = kind == SubmissionKind.FinalAccountsDisclosure
            ? Samples.Disclosure2023()
            : new SubmissionContent { Department = new DepartmentSelfEvaluation("部门整体支出绩效自评报告正文……", 95.5m, "优") };
        var id = await app.Reports.Draft(content: content, kind: kind, year: 2023);
        await app.Reports.Step("prep", id, "score");
        var scored = await app.Load(id);
        Assert.NotNull(scored.Score);
        await app.Reports.Step("prep", id, "submit");
        await app.Reports.Step("rev", id, "claim");
        // a 部门决算公开 package is approved without a grade; the 部门整体 report keeps its grade
        var grade = kind == SubmissionKind.FinalAccountsDisclosure ? null : scored.Score!.SuggestedGrade?.ToString() ?? "优";
        await app.Reports.Step("rev", id, "approve", new { grade, opinion = "同意公开", signature = "张经办", stamp = "业务专用章" });
        Assert.Equal(kind == SubmissionKind.FinalAccountsDisclosure, (await app.Load(id)).Approval!.Grade is null);
        await app.Reports.Step("rev", id, "publish", new { indexNumber = "RJ-2023-9", publisher = "赣州蓉江新区政务服务中心", confidentialityReviewed = true, principalSigned = true });
        Assert.Equal(SubmissionState.Published, (await app.Load(id)).State);
    }

    [Fact]
    public async Task Forbidden_transitions_get_their_status_and_append_nothing()
    {
        // Seed 004's 大厅日常运行维护经费: a suggestion the engine trusts (优: 96.26 recomputed, 95 printed).
        var id = await app.Reports.Draft(content: new SubmissionContent { ProjectForm = Samples.Seed("004_00e7fe4b0ab0df23.txt").Forms[0] });
        async Task Refused(string user, string action, object? extra, int status)
        {
            var before = await app.StreamVersion(id);
            await app.Reports.Step(user, id, action, extra, status);
            Assert.Equal(before, await app.StreamVersion(id));
        }

        await Refused("prep", "submit", null, 409);                                   // not scored yet
        await Refused("rev", "approve", new { grade = "优", opinion = "x", signature = "x", stamp = "x" }, 404); // a draft is invisible to reviewers
        await Refused("prep", "publish", new { indexNumber = "1", publisher = "x", confidentialityReviewed = true, principalSigned = true }, 403);
        await Refused("prep-other", "score", null, 404);                              // another unit's draft does not exist for them
        await Refused("audit", "score", null, 403);                                   // auditors change nothing
        await app.Reports.Step("prep", id, "score");
        await app.Reports.Step("prep", id, "submit");
        await Refused("prep", "score", null, 409);                                    // no edit after submission
        await Refused("rev", "approve", new { grade = "优", opinion = "x", signature = "x", stamp = "x" }, 409); // claim first
        await Refused("rev-other", "claim", null, 404);                               // another section's reviewer
        await app.Reports.Step("rev", id, "claim");
        await Refused("rev2", "approve", new { grade = "良", opinion = "x", signature = "x", stamp = "x" }, 409); // held by 张经办
        await Refused("rev", "approve", new { grade = "优秀", opinion = "x", signature = "x", stamp = "x" }, 400);
        await Refused("rev", "approve", new { grade = "A", opinion = "x", signature = "x", stamp = "x" }, 400);
        await Refused("rev", "approve", new { grade = "良", opinion = "x", signature = "x", stamp = "x" }, 400); // suggested 优: override needs a reason
        await Refused("rev", "publish", new { indexNumber = "1", publisher = "x", confidentialityReviewed = true, principalSigned = true }, 409);
        await Refused("prep", "withdraw", null, 409);                                 // review has started

        var stale = await app.Command("rev", $"/api/submissions/{id}/return", new { version = 1, reason = "x" }, 409);
        Assert.Equal("version-conflict", stale.GetProperty("code").GetString());
        var missing = await app.Command("rev", $"/api/submissions/{Guid.NewGuid()}/claim", new { version = 1 }, 404);
        Assert.Equal(404, missing.GetProperty("status").GetInt32());
        Assert.Equal(401, (int)(await app.Send(null, HttpMethod.Post, $"/api/submissions/{id}/claim", new { version = 1 })).StatusCode);
    }

    [Fact]
    public async Task Two_approvals_at_once_record_exactly_one()
    {
        var id = await app.Reports.Submitted();
        await app.Reports.Step("rev", id, "claim");
        var version = await app.StreamVersion(id);
        var approvals = Enumerable.Range(0, 2).Select(_ => app.Send("rev", HttpMethod.Post, $"/api/submissions/{id}/approve",
            new { version, grade = "良", opinion = "同意", signature = "张经办", stamp = "章" })).ToList();
        var statuses = (await Task.WhenAll(approvals)).Select(r => (int)r.StatusCode).Order().ToList();
        Assert.Equal([200, 409], statuses);
        var history = await app.Get<List<AuditEntry>>("audit", $"/api/submissions/{id}/history");
        Assert.Single(history, h => h.EventType == "submission_approved");
    }

    [Fact]
    public async Task Two_reviewers_claiming_at_once_leave_one_holder()
    {
        var id = await app.Reports.Submitted();
        var version = await app.StreamVersion(id);
        var claims = new[] { "rev", "rev2" }.Select(u => app.Send(u, HttpMethod.Post, $"/api/submissions/{id}/claim", new { version })).ToList();
        var statuses = (await Task.WhenAll(claims)).Select(r => (int)r.StatusCode).Order().ToList();
        Assert.Equal([200, 409], statuses);
        Assert.Equal(version + 1, await app.StreamVersion(id));
    }

    [Fact]
    public async Task The_same_command_id_twice_appends_once_and_answers_the_same()
    {
        var id = await app.Reports.Draft();
        var commandId = Guid.NewGuid();
        var first = await app.Command("prep", $"/api/submissions/{id}/score", new { commandId, version = 1 });
        var second = await app.Command("prep", $"/api/submissions/{id}/score", new { commandId, version = 1 });
        Assert.Equal(first.GetProperty("version").GetInt64(), second.GetProperty("version").GetInt64());
        Assert.Equal(2, await app.StreamVersion(id));

        var draftCommand = Guid.NewGuid();
        var body = new { commandId = draftCommand, fiscalYear = 2021, kind = SubmissionKind.ProjectSelfEvaluation, title = "重复提交", content = Samples.Ganfutong() };
        var a = await app.Command("prep", "/api/submissions", body, 201);
        var b = await app.Command("prep", "/api/submissions", body, 201); // the first answer, status included
        Assert.Equal(a.GetProperty("submissionId").GetGuid(), b.GetProperty("submissionId").GetGuid());

        // The same key on another submission is another request: refused, never answered with the first one's result.
        var reused = await app.Command("prep", $"/api/submissions/{a.GetProperty("submissionId").GetGuid()}/score", new { commandId, version = 1 }, 422);
        Assert.Equal("idempotency-key-reused", reused.GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_review_queue_shows_the_sections_work_due_first()
    {
        var id = await app.Reports.Submitted();
        var queue = await app.Get<ReviewQueue>("rev", "/api/review-queue");
        var item = Assert.Single(queue.Items, i => i.Id == id);
        // 赣服通's recomputed 良 is out of 85 (weights): 不可信, so the queue suggests nothing
        Assert.Equal((SubmissionState.Submitted, "经济建设股", (Grade?)null), (item.State, item.SectionName, item.SuggestedGrade));
        Assert.Equal(item.SubmittedAt!.Value.AddDays(15), item.DueAt);
        Assert.True(queue.Counts.Submitted >= 1);
        Assert.DoesNotContain((await app.Get<ReviewQueue>("rev-other", "/api/review-queue")).Items, i => i.Id == id);
        Assert.Equal(403, (int)(await app.Send("prep", HttpMethod.Get, "/api/review-queue")).StatusCode);

        await app.Reports.Step("rev", id, "claim");
        var claimed = (await app.Get<ReviewQueue>("rev", "/api/review-queue")).Items.Single(i => i.Id == id);
        Assert.Equal((SubmissionState.InReview, "张经办"), (claimed.State, claimed.ClaimedByName));
    }

    [Fact]
    public async Task Seed_001_summary_review_table_comes_from_events_alone()
    {
        var first = await app.Reports.Draft("prep-yy", content: Samples.YiyangProject("政府购买工作人员14名", 70m, 63m, 95.38m));
        var second = await app.Reports.Draft("prep-yy", content: Samples.YiyangProject("公共资源交易中心日常运转", 7.42m, 7.42m, 99.5m));
        var draftOnly = await app.Reports.Draft("prep-yy", content: Samples.YiyangProject("尚未提交的草稿项目", 12.34m, 5.67m, 60m));
        var summary = await app.Reports.Draft("prep-yy", content: new SubmissionContent { Summary = new SummaryDeclaration(80m, 2) }, kind: SubmissionKind.SummaryReview);
        foreach (var id in new[] { first, second, draftOnly, summary }) await app.Reports.Step("prep-yy", id, "score");
        foreach (var id in new[] { first, second, summary }) await app.Reports.Step("prep-yy", id, "submit");
        await app.Reports.Step("rev", first, "claim");

        // The section sees the rows of submitted projects, by the rule of the submissions themselves: never a draft's.
        var forReviewer = await app.Send("rev", HttpMethod.Get, "/api/units/U-YY/summary/2021");
        var reviewerText = await forReviewer.Content.ReadAsStringAsync();
        Assert.True(forReviewer.IsSuccessStatusCode, reviewerText);
        foreach (var secret in new[] { "尚未提交的草稿项目", draftOnly.ToString() }) Assert.DoesNotContain(secret, reviewerText);
        // The draft's figures as numbers of their own: a timestamp such as 11:15:35.679 holds "5.67" too.
        foreach (var figure in new[] { "12.34", "5.67" })
            Assert.DoesNotMatch($@"(?<![\d.]){System.Text.RegularExpressions.Regex.Escape(figure)}(?!\d)", reviewerText);
        var reviewerRows = JsonDocument.Parse(reviewerText).RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([(first, "InReview"), (second, "Submitted")], reviewerRows.Select(r => (r.GetProperty("submissionId").GetGuid(), r.GetProperty("state").GetString())));

        foreach (var id in new[] { first, second, summary })
        {
            if (id != first) await app.Reports.Step("rev", id, "claim");
            await app.Reports.Step("rev", id, "approve", new { grade = "优", opinion = "同意", signature = "张经办", stamp = "业务专用章" });
        }

        var table = await app.Get<JsonElement>("rev", "/api/units/U-YY/summary/2021");
        var figures = table.GetProperty("figures");
        Assert.Equal(97.44m, figures.GetProperty("average").GetDecimal());          // (95.38 + 99.5) / 2
        Assert.Equal(70.42m, figures.GetProperty("totals").GetProperty("executed").GetDecimal());
        Assert.Equal(88.025m, figures.GetProperty("coveragePercent").GetDecimal()); // 70.42 / 80
        var rows = table.GetProperty("table").GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["政府购买工作人员14名", "公共资源交易中心日常运转"], rows.Select(r => r.GetProperty("projectName").GetString()));
        var review = table.GetProperty("table").GetProperty("review");
        Assert.Equal(("优", "张经办", "业务专用章"), (review.GetProperty("opinion").GetString(), review.GetProperty("officer").GetString(), review.GetProperty("stampReference").GetString()));
        Assert.NotEqual(JsonValueKind.Null, table.GetProperty("table").GetProperty("submittedAt").ValueKind);
        Assert.Equal(404, (int)(await app.Send("prep", HttpMethod.Get, "/api/units/U-YY/summary/2021")).StatusCode);
        // The unit itself sees its drafts too, beside the table: a draft is no row and counts in no total.
        var own = await app.Get<JsonElement>("prep-yy", "/api/units/U-YY/summary/2021");
        Assert.Equal(2, own.GetProperty("rows").GetArrayLength());
        Assert.Equal([draftOnly], own.GetProperty("drafts").EnumerateArray().Select(d => d.GetProperty("submissionId").GetGuid()));
        Assert.Equal(97.44m, own.GetProperty("figures").GetProperty("average").GetDecimal());

        // Published, the table is on the public page with the reviewer's block, and with the reviewed projects only.
        await app.Reports.Step("rev", summary, "publish", new { indexNumber = "YY-2021-HZ", publisher = "弋阳县政务服务中心", confidentialityReviewed = true, principalSigned = true });
        var page = await (await app.Send(null, HttpMethod.Get, $"/public/{summary}")).Content.ReadAsStringAsync();
        Assert.Contains("自评价平均分 97.44", page);
        Assert.Contains("公共资源交易中心日常运转", page);
        Assert.Contains("张经办", page);
        Assert.DoesNotContain("尚未提交的草稿项目", page);
    }

    [Fact]
    public async Task Time_travel_and_diff_between_revisions()
    {
        var id = await app.Reports.Draft();
        var form = Samples.GanfutongForm();
        var changed = form with { Funds = form.Funds with { Total = form.Funds.Total with { Executed = 330m } } };
        await app.Command("prep", $"/api/submissions/{id}/content", new { version = 1, content = new SubmissionContent { ProjectForm = changed } }, method: HttpMethod.Put);

        var then = await app.Get<Submission>("audit", $"/api/submissions/{id}/as-of?version=1");
        Assert.Equal(321.00m, then.Content.ProjectForm!.Funds.Total.Executed);
        var now = await app.Get<Submission>("audit", $"/api/submissions/{id}/as-of?version=2");
        Assert.Equal(330m, now.Content.ProjectForm!.Funds.Total.Executed);
        var diff = await app.Get<JsonElement>("audit", $"/api/submissions/{id}/diff?from=1&to=2");
        Assert.Equal(["全年执行数：321.00 → 330"], diff.GetProperty("changes").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task A_return_with_thousands_of_row_remarks_is_refused_and_stores_nothing()
    {
        var id = await app.Reports.Submitted();
        await app.Reports.Step("rev", id, "claim");
        var remarks = Enumerable.Range(0, 10_000).Select(i => new { rowReference = $"第{i}行", remark = "请核对" }).ToArray();
        var before = await app.TotalEvents();
        var refused = await app.Command("rev", $"/api/submissions/{id}/return", new { version = await app.StreamVersion(id), reason = "请修改", rowRemarks = remarks }, 400);
        Assert.Equal("too-many-remarks", refused.GetProperty("code").GetString());
        Assert.Equal(before, await app.TotalEvents());
    }
}
