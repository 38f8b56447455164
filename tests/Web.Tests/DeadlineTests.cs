using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Web.Auth;
using Approval.Web.Deadlines;
using Approval.Web.Tests.Infrastructure;
using Approval.Workflow.Deadlines;
using Approval.Workflow.Submissions;
using Marten;

namespace Approval.Web.Tests;

/// <summary>The app with email on: its SMTP settings point at a real SMTP server on loopback; U-YY's and U-BD's preparers and rev have addresses.</summary>
public sealed class DeadlineFixture : WorkflowFixture
{
    public LocalSmtpServer Smtp { get; } = new();

    protected override void ConfigureHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:From", "jxpj@czj.example.gov.cn");
        builder.UseSetting("Smtp:FromName", "上饶市财政局");
        builder.UseSetting("Smtp:Security", "None");
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var session = Store.LightweightSession(TestOrganization.Tenant);
        foreach (var (id, email) in new[] { ("prep-yy", "chen@yy.example.gov.cn"), ("prep", "wang@bd.example.gov.cn"), ("rev", "zhang@czj.example.gov.cn") })
        {
            var account = (await session.LoadAsync<Account>(id))!;
            account.Email = email;
            session.Store(account);
        }
        await session.SaveChangesAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>
/// 截止日期 set by the bureau's 管理员 in 法定工作日, the overdue lists in each reviewer's scope, and 催报 recorded once a day
/// and emailed through a real SMTP server; nothing of one 财政局 reaches another, and bad input stores nothing.
/// </summary>
public class DeadlineTests(DeadlineFixture app) : IClassFixture<DeadlineFixture>
{
    private static async Task<string?> Code(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();

    private async Task<int> StoredSettingsCount(string tenant)
    {
        await using var session = app.Store.QuerySession(tenant);
        return await session.Query<HolidayCalendarYear>().CountAsync() + await session.Query<ReportDueDate>().CountAsync() + await session.Query<DeadlineSettings>().CountAsync();
    }

    [Fact]
    public async Task The_admin_keeps_the_calendar_and_due_dates_of_the_own_bureau_only()
    {
        var saved = await app.Command("admin", "/api/admin/deadlines/calendar/2027",
            new { daysOff = new[] { "2027-10-01", "2027-10-04" }, workingWeekends = new[] { "2027-10-09" }, source = "本局录入（测试）" }, 200, HttpMethod.Put);
        Assert.True(saved.GetProperty("saved").GetBoolean());
        await app.Command("admin", "/api/admin/deadlines/due-dates/2026/DepartmentSelfEvaluation", new { countFrom = "2027-09-30", workingDays = 3 }, 200, HttpMethod.Put);
        await app.Command("admin", "/api/admin/deadlines/settings", new { reviewHoldWorkingDays = 7 }, 200, HttpMethod.Put);

        var setup = await app.Get<DeadlineSetup>("rev", "/api/deadlines");
        var year = Assert.Single(setup.Calendar, y => y.Year == 2027);
        Assert.True(year.Saved);
        Assert.False(Assert.Single(setup.Calendar, y => y.Year == 2026).Saved); // the shipped arrangement until the admin changes it
        // 9-30 Thu; 10-1 off, 10-2/10-3 weekend, 10-4 off, 10-5 Tue (1), 10-6 (2), 10-7 (3)
        Assert.Equal(new DateOnly(2027, 10, 7), Assert.Single(setup.DueDates, d => d.FiscalYear == 2026 && d.Kind == SubmissionKind.DepartmentSelfEvaluation).DueOn);
        Assert.Equal(7, setup.ReviewHoldWorkingDays);
        Assert.True(setup.EmailConfigured);

        // the other 财政局 sees its own (none of these) and its admin changes only its own
        var other = await app.Get<DeadlineSetup>("admin-b", "/api/deadlines");
        Assert.DoesNotContain(other.Calendar, y => y.Year == 2027);
        Assert.Empty(other.DueDates);
        Assert.Equal(DeadlineSettings.DefaultReviewHoldWorkingDays, other.ReviewHoldWorkingDays);

        var before = await StoredSettingsCount(TestOrganization.Tenant);
        var beforeOther = await StoredSettingsCount(TestOrganization.OtherTenant);
        foreach (var user in new[] { "rev", "prep", "audit" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await app.Send(user, HttpMethod.Put, "/api/admin/deadlines/calendar/2028", new { daysOff = new[] { "2028-10-02" } })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await app.Send(user, HttpMethod.Put, "/api/admin/deadlines/due-dates/2027/FinalAccountsDisclosure", new { fixedOn = "2028-06-30" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await app.Send(user, HttpMethod.Put, "/api/admin/deadlines/settings", new { reviewHoldWorkingDays = 2 })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Send("audit-province", HttpMethod.Get, "/api/deadlines")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Send("prep", HttpMethod.Get, "/api/deadlines/overdue")).StatusCode);

        var refused = new (string Url, object Body, string Code)[]
        {
            ("/api/admin/deadlines/calendar/2028", new { daysOff = new[] { "2028-13-01" } }, "date-invalid"),
            ("/api/admin/deadlines/calendar/2028", new { daysOff = new[] { "明天" } }, "date-invalid"),
            ("/api/admin/deadlines/calendar/2028", new { workingWeekends = new[] { "2028-10-09" } }, "calendar-invalid"), // a Monday
            ("/api/admin/deadlines/calendar/2028", new { daysOff = new[] { "2027-10-01" } }, "calendar-invalid"),
            ("/api/admin/deadlines/calendar/1999", new { daysOff = Array.Empty<string>() }, "calendar-invalid"),
            ("/api/admin/deadlines/calendar/2028", new { source = "只有依据" }, "calendar-empty"), // neither list: not a cleared year
            ("/api/admin/deadlines/due-dates/2027/Nothing", new { fixedOn = "2028-06-30" }, "kind-unknown"),
            ("/api/admin/deadlines/due-dates/2027/1", new { fixedOn = "2028-06-30" }, "kind-unknown"),
            ("/api/admin/deadlines/due-dates/2027/FinalAccountsDisclosure", new { fixedOn = "2028-06-30", countFrom = "2028-06-01", workingDays = 5 }, "due-date-invalid"),
            ("/api/admin/deadlines/due-dates/2027/FinalAccountsDisclosure", new { countFrom = "2028-06-01", workingDays = 0 }, "due-date-invalid"),
            ("/api/admin/deadlines/due-dates/2027/FinalAccountsDisclosure", new { fixedOn = "2035-06-30" }, "due-date-invalid"),
            ("/api/admin/deadlines/due-dates/2027/FinalAccountsDisclosure", new { fixedOn = "30/06/2028" }, "date-invalid"),
            ("/api/admin/deadlines/settings", new { reviewHoldWorkingDays = 0 }, "hold-invalid"),
        };
        foreach (var (url, body, code) in refused)
        {
            var response = await app.Send("admin", HttpMethod.Put, url, body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
            Assert.Equal(code, await Code(response));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await app.Send("admin", HttpMethod.Delete, "/api/admin/deadlines/due-dates/2030/FinalAccountsDisclosure")).StatusCode);
        Assert.Equal(before, await StoredSettingsCount(TestOrganization.Tenant));
        Assert.Equal(beforeOther, await StoredSettingsCount(TestOrganization.OtherTenant));
        Assert.Equal(7, (await app.Get<DeadlineSetup>("admin", "/api/deadlines")).ReviewHoldWorkingDays);
    }

    [Fact]
    public async Task A_unit_past_its_due_date_gets_one_cuibao_a_day_by_email_and_in_the_app()
    {
        // 2025 年度 项目支出绩效自评表: 20 工作日 from 2026-03-02 → 2026-03-30, long past.
        var rule = await app.Command("admin", "/api/admin/deadlines/due-dates/2025/ProjectSelfEvaluation", new { countFrom = "2026-03-02", workingDays = 20, note = "市财政局通知" }, 200, HttpMethod.Put);
        Assert.Equal("2026-03-30", rule.GetProperty("dueOn").GetString());
        // U-BD submits its form; U-YY (S-1) and U-OT (S-2) do not.
        var id = await app.Reports.Submitted(title: "赣服通", year: 2025);

        var mine = await app.Get<OverdueView>("rev", "/api/deadlines/overdue");
        var late = Assert.Single(mine.Reports, r => r.FiscalYear == 2025 && r.Kind == SubmissionKind.ProjectSelfEvaluation);
        Assert.Equal(("U-YY", new DateOnly(2026, 3, 30)), (late.UnitId, late.DueOn));
        Assert.Contains((await app.Get<OverdueView>("admin", "/api/deadlines/overdue")).Reports, r => r.UnitId == "U-OT" && r.FiscalYear == 2025);
        Assert.Empty((await app.Get<OverdueView>("admin-b", "/api/deadlines/overdue")).Reports); // the other bureau has no rule and sees none of these

        // out of scope or not overdue: refused, nothing recorded
        var events = await app.TotalEvents();
        Assert.Equal("not-overdue", await Code(await app.Send("rev", HttpMethod.Post, "/api/deadlines/reminders/reporting", new { unitId = "U-OT", kind = "ProjectSelfEvaluation", fiscalYear = 2025 })));
        Assert.Equal("not-overdue", await Code(await app.Send("rev", HttpMethod.Post, "/api/deadlines/reminders/reporting", new { unitId = "U-BD", kind = "ProjectSelfEvaluation", fiscalYear = 2025 })));
        Assert.Equal("not-overdue", await Code(await app.Send("admin-b", HttpMethod.Post, "/api/deadlines/reminders/reporting", new { unitId = "U-YY" })));
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Send("prep-yy", HttpMethod.Post, "/api/deadlines/reminders/reporting", new { unitId = "U-YY" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Send("audit", HttpMethod.Post, "/api/deadlines/reminders/reporting", new { unitId = "U-YY" })).StatusCode);
        Assert.Equal("kind-unknown", await Code(await app.Send("rev", HttpMethod.Post, "/api/deadlines/reminders/reporting", new { unitId = "U-YY", kind = "Nope" })));
        Assert.Equal(events, await app.TotalEvents());

        var sent = await app.Command("rev", "/api/deadlines/reminders/reporting", new { unitId = "U-YY", kind = "ProjectSelfEvaluation", fiscalYear = 2025 });
        var outcome = Assert.Single(sent.GetProperty("reminders").EnumerateArray());
        Assert.False(outcome.GetProperty("alreadySent").GetBoolean());
        Assert.True(outcome.GetProperty("emailed").GetBoolean(), outcome.ToString());
        Assert.Equal(events + 2, await app.TotalEvents()); // 催报 recorded, then its delivery

        var mail = await app.Smtp.WaitForAsync("chen@yy.example.gov.cn", "催报");
        Assert.Equal("jxpj@czj.example.gov.cn", mail.From.Mailboxes.Single().Address);
        Assert.Contains("弋阳县政务服务中心", mail.Subject);
        var body = mail.TextBody;
        foreach (var words in new[] { "弋阳县政务服务中心", "2025 年度项目支出绩效自评表", "2026 年 3 月 30 日", "2026-03-02 起 20 个工作日", "张经办" })
            Assert.Contains(words, body);
        Assert.DoesNotContain(app.Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == "wang@bd.example.gov.cn")); // U-BD submitted

        // the same 催报 again today (one unit, or 全部催报): recorded and sent once
        var again = await app.Command("rev", "/api/deadlines/reminders/reporting", new { fiscalYear = 2025 });
        Assert.True(Assert.Single(again.GetProperty("reminders").EnumerateArray()).GetProperty("alreadySent").GetBoolean());
        Assert.Equal(events + 2, await app.TotalEvents());
        Assert.Single(app.Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == "chen@yy.example.gov.cn"));

        // a retry with its Idempotency-Key gets the first answer word for word; the key with another request is 422
        async Task<HttpResponseMessage> WithKey(string key, object body)
        {
            using var client = app.Host.Server.CreateClient();
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/deadlines/reminders/reporting") { Content = System.Net.Http.Json.JsonContent.Create(body) };
            request.Headers.Authorization = new("Bearer", await app.TokenFor("rev"));
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request);
        }
        var key = $"cuibao-{Guid.NewGuid():N}";
        var first = await (await WithKey(key, new { fiscalYear = 2025 })).Content.ReadAsStringAsync();
        Assert.Equal(first, await (await WithKey(key, new { fiscalYear = 2025 })).Content.ReadAsStringAsync());
        Assert.Equal((HttpStatusCode)422, (await WithKey(key, new { fiscalYear = 2025, unitId = "U-YY" })).StatusCode);
        Assert.Equal(events + 2, await app.TotalEvents());

        // in the app: the unit's preparer sees it; another unit, another bureau do not
        var seen = Assert.Single(await app.Get<List<ReminderView>>("prep-yy", "/api/deadlines/reminders"));
        Assert.Equal((Reminder.Reporting, "张经办", new DateOnly(2026, 3, 30)), (seen.Type, seen.SentBy, seen.DueOn));
        Assert.True(Assert.Single(seen.Deliveries).Sent);
        Assert.Empty(await app.Get<List<ReminderView>>("prep", "/api/deadlines/reminders"));
        Assert.Empty(await app.Get<List<ReminderView>>("prep-other", "/api/deadlines/reminders"));
        Assert.Empty(await app.Get<List<ReminderView>>("prep-yy-b", "/api/deadlines/reminders"));
        Assert.Empty(await app.Get<List<ReminderView>>("admin-b", "/api/deadlines/reminders"));
        Assert.Empty(await app.Get<List<ReminderView>>("rev-other", "/api/deadlines/reminders"));
        Assert.NotNull((await app.Get<OverdueView>("rev", "/api/deadlines/overdue")).Reports.Single(r => r.UnitId == "U-YY" && r.FiscalYear == 2025).LastReminderAt);

        // the reminder stream is no submission: no submission snapshot was made of it
        await using var session = app.Store.QuerySession(TestOrganization.Tenant);
        Assert.Null(await session.LoadAsync<Submission>(seen.Id));
    }

    [Fact]
    public async Task A_freshly_claimed_item_is_not_held_too_long_and_gets_no_reminder()
    {
        var id = await app.Reports.Submitted(title: "领取测试", year: 2024);
        await app.Reports.Step("rev", id, "claim");
        Assert.DoesNotContain((await app.Get<OverdueView>("admin", "/api/deadlines/overdue")).Held, h => h.SubmissionId == id);
        Assert.Equal("not-held-too-long", await Code(await app.Send("admin", HttpMethod.Post, "/api/deadlines/reminders/review", new { submissionId = id })));
        Assert.Equal("submission-required", await Code(await app.Send("admin", HttpMethod.Post, "/api/deadlines/reminders/review", new { })));
    }

    [Fact]
    public async Task An_account_email_is_optional_checked_and_kept()
    {
        Assert.Equal("email-invalid", await Code(await app.Send("admin", HttpMethod.Put, "/api/admin/accounts/rev-other", new { email = "不是邮箱" })));
        Assert.Equal("email-invalid", await Code(await app.Send("admin", HttpMethod.Post, "/api/admin/accounts", new { id = "mail-bad", displayName = "某人", password = "Passw0rd!234", role = "Reviewer", sectionIds = new[] { "S-1" }, email = "a@b@c" })));
        await app.Command("admin", "/api/admin/accounts", new { id = "mail-ok", displayName = "某人", password = "Passw0rd!234", role = "Reviewer", sectionIds = new[] { "S-1" }, email = "mou@czj.example.gov.cn" });
        await using var session = app.Store.QuerySession(TestOrganization.Tenant);
        Assert.Equal("mou@czj.example.gov.cn", (await session.LoadAsync<Account>("mail-ok"))!.Email);
        Assert.Null(await session.LoadAsync<Account>("mail-bad"));
        Assert.Null((await session.LoadAsync<Account>("rev-other"))!.Email);
    }
}
