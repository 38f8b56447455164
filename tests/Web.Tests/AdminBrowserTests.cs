using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Approval.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Approval.Web.Tests;

/// <summary>
/// 系统管理 in Chromium: a bureau's 管理员 creates a 业务股室, a 预算单位 in it and a 填报人 of that unit through the pages only,
/// and that person signs in; refusals of the API show in Chinese beside their field; the password reset shows the new
/// password once and the old one stops working; a disabled account cannot sign in. Only the admin's own 财政局 appears
/// (the other bureau of <see cref="TestOrganization"/> has the same ids with other names), and other roles get 403.
/// </summary>
[Collection(SecondBrowserLane.Name)]
public class AdminBrowserTests(LiveApp app) : BrowserTest(app)
{
    private const string NewPassword = "Nongye#2026first";

    [Fact]
    public async Task Admin_creates_a_section_a_unit_and_an_account_in_the_UI_and_that_account_signs_in()
    {
        var admin = await SignIn("admin");
        await Expect(admin).ToHaveURLAsync(new Regex("/admin$"));
        await Expect(admin.Locator("#nav-admin")).ToHaveAttributeAsync("href", "/admin");
        await Shot(admin, "admin-01-home");

        // 业务股室: a taken id is refused beside the id (409: a new section never renames one); a bad id gets the API's rule.
        await admin.ClickAsync("#home-sections");
        await Expect(admin.Locator("#sections tbody tr")).ToHaveCountAsync(2);
        await Expect(admin.Locator("#sections")).Not.ToContainTextAsync("弋阳"); // the other bureau's S-1 is 经济建设股（弋阳）
        await admin.FillAsync("#section-id", "S-1");
        await admin.FillAsync("#section-name", "农业农村股");
        await admin.ClickAsync("#section-save");
        await Expect(admin.Locator("#section-form-problem-id")).ToHaveTextAsync("股室编号 S-1 已存在；修改名称请用「修改」");
        await admin.FillAsync("#section-id", "农业 股");
        await admin.ClickAsync("#section-save");
        await Expect(admin.Locator("#section-form-problem-id")).ToContainTextAsync("编号只能");
        await Expect(admin.Locator("#section-id")).ToHaveAttributeAsync("aria-invalid", "true");
        await Shot(admin, "admin-02-section-refused");
        await admin.FillAsync("#section-id", "S-NY");
        await admin.ClickAsync("#section-save");
        await Expect(admin.Locator("#admin-note")).ToHaveTextAsync("已新建业务股室「农业农村股」（S-NY）。");
        await Expect(admin.Locator("#sections tr[data-id='S-NY']")).ToContainTextAsync("农业农村股");
        await Expect(admin.Locator(".pager")).ToContainTextAsync("共 3 条");
        await admin.FillAsync("#q", "农业");
        await admin.ClickAsync("form[role=search] button");
        await Expect(admin.Locator("#sections tbody tr")).ToHaveCountAsync(1);

        // 预算单位 in that section: without a section the API's refusal stands beside the section picker.
        await admin.ClickAsync("#tab-units");
        await Expect(admin.Locator("#units")).Not.ToContainTextAsync("弋阳县大数据中心");
        await admin.FillAsync("#unit-id", "U-NY");
        await admin.FillAsync("#unit-name", "上饶市农业农村局");
        await admin.ClickAsync("#unit-save");
        await Expect(admin.Locator("#unit-form-problem-sectionId")).ToHaveTextAsync("请填写单位编号、名称和所属股室");
        await admin.SelectOptionAsync("#unit-section", "S-NY");
        await admin.FillAsync("#unit-department", "上饶市农业农村局");
        await admin.ClickAsync("#unit-save");
        await Expect(admin.Locator("#units tr[data-id='U-NY']")).ToContainTextAsync("农业农村股");
        // 修改 changes it in place (PUT): the id stays, an emptied 主管部门 is cleared.
        await admin.Locator("#units tr[data-id='U-NY'] [data-edit]").ClickAsync();
        await Expect(admin.Locator("#unit-id")).ToHaveAttributeAsync("readonly", "");
        await admin.FillAsync("#unit-name", "上饶市农业农村局（本级）");
        await admin.FillAsync("#unit-department", "");
        await admin.ClickAsync("#unit-save");
        await Expect(admin.Locator("#admin-note")).ToHaveTextAsync("已保存预算单位「上饶市农业农村局（本级）」（U-NY）。");
        await Expect(admin.Locator("#units tr[data-id='U-NY'] td").Nth(2)).ToHaveTextAsync("—");
        await Shot(admin, "admin-03-unit-created");

        // 账户: only the roles a bureau admin may grant are offered — never 省级审计.
        await admin.ClickAsync("#tab-accounts");
        await Expect(admin.Locator("#accounts")).Not.ToContainTextAsync("admin-b");
        await Expect(admin.Locator("#accounts")).Not.ToContainTextAsync("卫管理员");
        await admin.ClickAsync("#account-create > summary");
        Assert.Equal(["填报人", "审核人", "审计", "管理员"], await admin.Locator("#new-role option").AllTextContentsAsync());
        await admin.FillAsync("#new-id", "nongye");
        await admin.FillAsync("#new-name", "农填报");
        await admin.FillAsync("#new-password", "short");
        await admin.SelectOptionAsync("#new-role", "Preparer");
        await admin.ClickAsync("#account-create-save");
        await Expect(admin.Locator("#account-form-problem-password")).ToContainTextAsync("密码应为 10–200 位");
        await admin.FillAsync("#new-password", NewPassword);
        await admin.ClickAsync("#account-create-save");
        await Expect(admin.Locator("#account-form-problem-unitId")).ToHaveTextAsync("填报人必须属于一个已登记的预算单位");
        await Shot(admin, "admin-04-account-refused");
        await admin.SelectOptionAsync("#new-unit", "U-NY");
        await admin.ClickAsync("#account-create-save");
        await Expect(admin.Locator("#admin-note")).ToContainTextAsync("已新建账户 nongye（农填报）");
        var row = admin.Locator("#accounts tr[data-id='nongye']");
        await Expect(row).ToContainTextAsync("填报人");
        await Expect(row).ToContainTextAsync("上饶市农业农村局（本级）");
        await Shot(admin, "admin-05-account-created");

        // The new person signs in with what the admin gave them and lands on their unit's reports.
        var person = await Chromium.SignInAsync(await People.NewPersonAsync(), "nongye", NewPassword);
        await Expect(person).ToHaveURLAsync(new Regex("/submissions$"));
        await Expect(person.Locator(".topbar .who")).ToContainTextAsync("农填报 · 填报人");
        await Shot(person, "admin-06-new-account-signed-in");

        // Who has which role where: the new preparer under the new unit; filtered by section.
        await admin.ClickAsync("#tab-roles");
        await admin.SelectOptionAsync("#f-section", "S-NY");
        await admin.ClickAsync("form[role=search] button");
        await Expect(admin.Locator("#roles tbody tr")).ToHaveCountAsync(1);
        await Expect(admin.Locator("#roles tbody tr")).ToContainTextAsync("上饶市农业农村局（本级）（农业农村股）");
        await Expect(admin.Locator("#roles tbody tr")).ToContainTextAsync("农填报（nongye）");
        await Shot(admin, "admin-07-roles");
    }

    [Fact]
    public async Task Admin_edits_resets_the_password_of_and_disables_an_account()
    {
        var admin = await SignIn("admin");
        await admin.GotoAsync("/admin/accounts?q=prep-yy");
        var row = admin.Locator("#accounts tr[data-id='prep-yy']");
        await Expect(admin.Locator("#accounts tbody tr")).ToHaveCountAsync(1);

        // 修改: a reviewer needs a section — the refusal stands beside the sections; with one it is saved.
        await row.Locator("[data-account-edit]").ClickAsync();
        await Expect(admin.Locator("#account-dialog")).ToBeVisibleAsync();
        await admin.SelectOptionAsync("#edit-role", "Reviewer");
        await admin.ClickAsync("#account-edit-save");
        await Expect(admin.Locator("#account-edit-form .field-problem")).ToHaveTextAsync("审核人至少属于一个业务股室");
        await Shot(admin, "admin-08-edit-refused");
        await admin.Locator("#account-edit-form input[name=sectionIds][value='S-2']").CheckAsync();
        await admin.ClickAsync("#account-edit-save");
        await Expect(row).ToContainTextAsync("审核人");
        await Expect(row).ToContainTextAsync("行政政法股");

        // 重置密码: shown once; the new one signs in.
        await row.Locator("[data-account-reset]").ClickAsync();
        await admin.ClickAsync("#password-ok");
        await Expect(admin.Locator("#temporary-password")).ToHaveTextAsync(new Regex("^\\S{16}$"));
        var temporary = await admin.Locator("#temporary-password").InnerTextAsync();
        await Shot(admin, "admin-09-password-reset");
        await admin.ClickAsync("#password-close");
        await Expect(admin.Locator("#temporary-password")).ToBeEmptyAsync();
        var person = await Chromium.SignInAsync(await People.NewPersonAsync(), "prep-yy", temporary);
        await Expect(person).ToHaveURLAsync(new Regex("/review$"));

        // 停用: asked first; then the account cannot sign in, and its open session ends.
        await row.Locator("[data-account-toggle]").ClickAsync();
        await admin.ClickAsync("#confirm-ok");
        await Expect(row.Locator(".account-status")).ToHaveTextAsync("已停用");
        await Expect(row.Locator("[data-account-toggle]")).ToHaveTextAsync("启用");
        await Shot(admin, "admin-10-disabled");
        var refused = await (await People.NewPersonAsync()).NewPageAsync();
        await refused.GotoAsync("/login");
        await refused.FillAsync("#UserName", "prep-yy");
        await refused.FillAsync("#Password", temporary);
        await refused.ClickAsync("button[type=submit]");
        await Expect(refused).ToHaveURLAsync(new Regex("/login"));
        await person.ReloadAsync();
        await Expect(person).ToHaveURLAsync(new Regex("/login"));

        // The admin's own row offers no 停用 (the API refuses self-lockout); the filters narrow the list.
        await admin.GotoAsync("/admin/accounts?role=Admin");
        await Expect(admin.Locator("#accounts tr[data-id='admin'] [data-account-toggle]")).ToHaveCountAsync(0);
        await admin.GotoAsync("/admin/accounts?status=disabled");
        await Expect(admin.Locator("#accounts tbody tr")).ToHaveCountAsync(1);
        await AssertAccessible(admin);
    }

    [Fact]
    public async Task Admin_publishes_a_template_version_from_an_existing_one_and_closes_it_and_closes_a_unit_but_not_a_section_in_use()
    {
        var admin = await SignIn("admin");
        await admin.GotoAsync("/admin/templates");
        await Expect(admin.Locator("#templates tr[data-id='ganzhou-2023@1'] [data-template-toggle]")).ToHaveCountAsync(0); // built in: stays

        // 以此为基础发布新版本: the form holds the template with the next version; a line it cannot read is said beside it.
        await admin.Locator("#templates tr[data-id='ganzhou-2023@1'] [data-template-copy]").ClickAsync();
        await Expect(admin.Locator("#t-version")).ToHaveValueAsync("2");
        await Expect(admin.Locator("#t-levels")).ToHaveValueAsync(new Regex("^成本 20 经济成本、社会成本、生态环境成本\n产出 40 数量、质量、时效"));
        await admin.FillAsync("#t-name", "赣州市项目支出绩效自评（2026 修订）");
        var levels = await admin.InputValueAsync("#t-levels");
        await admin.FillAsync("#t-levels", levels.Replace("产出 40", "产出 四十", StringComparison.Ordinal));
        await admin.ClickAsync("#template-save");
        await Expect(admin.Locator("#template-form .field-problem")).ToContainTextAsync("一级指标「产出」应写成");
        // the API's own refusal (weights no longer add up to 100) is shown too, in Chinese
        await admin.FillAsync("#t-levels", levels.Replace("产出 40", "产出 45", StringComparison.Ordinal));
        await admin.ClickAsync("#template-save");
        await Expect(admin.Locator("#template-form")).ToContainTextAsync("模板分值合计应为 100，实为 105");
        await admin.SelectOptionAsync("#t-rule", "Stepped");
        await admin.FillAsync("#t-steps", "90 100\n60 50\n0 0");
        await admin.FillAsync("#t-levels", levels);
        await admin.ClickAsync("#template-save");
        await Expect(admin.Locator("#admin-note")).ToHaveTextAsync("已发布评分模板「赣州市项目支出绩效自评（2026 修订）」（ganzhou-2023@2）。");
        var published = admin.Locator("#templates tr[data-id='ganzhou-2023@2']");
        await Expect(published).ToContainTextAsync("阶梯计分：执行率≥90%");
        await Expect(published.Locator(".org-status")).ToHaveTextAsync("在用");
        await Shot(admin, "admin-13-template-published");

        // 停用 asks first, then the version is marked and leaves what /api/templates offers to scoring
        await published.Locator("[data-template-toggle]").ClickAsync();
        await admin.ClickAsync("#confirm-ok");
        await Expect(published.Locator(".org-status")).ToHaveTextAsync("已停用");
        await Expect(published.Locator("[data-template-toggle]")).ToHaveTextAsync("启用");
        var offered = await admin.EvaluateAsync<string>("async () => JSON.stringify((await (await fetch('/api/templates')).json()).map(t => t.id + '@' + t.version))");
        Assert.DoesNotContain("ganzhou-2023@2", offered, StringComparison.Ordinal);
        Assert.Contains("ganzhou-2023@1", offered, StringComparison.Ordinal);

        // 预算单位: closed after a question; a section that still covers units in use is not closed, and says why beside the button
        using (var api = await ApiAs("admin"))
            Assert.True((await api.PostAsJsonAsync("/api/admin/units", new { id = "U-MERGED", name = "上饶市撤并中心", sectionId = "S-2" })).IsSuccessStatusCode);
        await admin.GotoAsync("/admin/units?q=U-MERGED");
        var unit = admin.Locator("#units tr[data-id='U-MERGED']");
        await unit.Locator("[data-toggle]").ClickAsync();
        await Expect(admin.Locator("#confirm-dialog")).ToContainTextAsync("不能再新建报告");
        await admin.ClickAsync("#confirm-ok");
        await Expect(unit.Locator(".org-status")).ToHaveTextAsync("已停用");
        await admin.GotoAsync("/admin/sections");
        await admin.Locator("#sections tr[data-id='S-1'] [data-toggle]").ClickAsync();
        await admin.ClickAsync("#confirm-ok");
        await Expect(admin.Locator("#sections tr[data-id='S-1'] .form-error")).ToContainTextAsync("还负责 2 个在用的预算单位");
        await Expect(admin.Locator("#sections tr[data-id='S-1'] .org-status")).ToHaveTextAsync("在用");
        await Shot(admin, "admin-14-section-in-use");
        await AssertAccessible(admin);
    }

    [Fact]
    public async Task Admin_pages_are_403_for_every_other_role_and_templates_are_listed()
    {
        foreach (var user in new[] { "prep", "rev", "audit" })
        {
            var page = await SignIn(user);
            foreach (var url in new[] { "/admin", "/admin/sections", "/admin/units", "/admin/accounts", "/admin/roles", "/admin/templates" })
            {
                var refused = await page.GotoAsync(url);
                Assert.Equal(403, refused!.Status);
            }
            await Expect(page.Locator("#nav-admin")).ToHaveCountAsync(0);
        }
        var admin = await SignIn("admin");
        await admin.GotoAsync("/admin/templates");
        await Expect(admin.Locator("#templates tbody tr").First).ToBeVisibleAsync();
        await Expect(admin.Locator("#templates")).ToContainTextAsync("内置");
        await Shot(admin, "admin-11-templates");

        // Every admin page on a phone: no sideways scroll of the page (wide tables scroll in their own box), no serious axe finding.
        await admin.SetViewportSizeAsync(390, 844);
        foreach (var url in new[] { "/admin", "/admin/sections", "/admin/units", "/admin/accounts", "/admin/roles", "/admin/templates" })
        {
            await admin.GotoAsync(url);
            await AssertNoSidewaysScroll(admin);
            await AssertAccessible(admin);
        }
        await admin.GotoAsync("/admin/accounts");
        await admin.ClickAsync("#account-create > summary");
        await AssertNoSidewaysScroll(admin);
        await Shot(admin, "admin-12-accounts-390");
    }
}
