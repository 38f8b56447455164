using Approval.Workflow.SpotChecks;
using Approval.Workflow.Submissions;
using Approval.Workflow.Templates;
using JasperFx.Events;

namespace Approval.Workflow.Tests;

/// <summary>复核 (#29.3): who may re-score a drawn form, with what, and when the unit sees it; 结果应用's final grade and note.</summary>
public class SpotCheckRulesTests
{
    private static readonly Actor Drawer = new("rev", "张经办", Role.Reviewer, SectionIds: ["S-1"]);
    private static readonly Actor Colleague = new("rev2", "赵经办", Role.Reviewer, SectionIds: ["S-1"]);
    private static readonly Actor OtherSection = new("rev-other", "钱经办", Role.Reviewer, SectionIds: ["S-2"]);

    private static SampledForm Sampled(int n, string unit = "U-BD", string section = "S-1", string approvedBy = "rev") =>
        new(new Guid(n, 0, 0, new byte[8]), unit, "单位" + unit, section, "股室" + section, $"项目{n}", 95m, Grade.优, Grade.优, approvedBy, DrawReason.Risk, 1, []);

    private static SpotCheck Drawn(int populationSize = 6, int sampleSize = 3)
    {
        var population = Enumerable.Range(1, populationSize).Select(n => (new SpotCheckCandidate(new Guid(n, 0, 0, new byte[8]), n == 2 ? ["CR-ZERO-ACTUAL"] : []), Sampled(n))).ToList();
        var drawn = SpotCheckRules.Draw(Guid.NewGuid(), 2025, sampleSize, 34, 42, population, Drawer);
        return Fold(drawn);
    }

    private static SpotCheck Fold(params object[] events)
    {
        SpotCheck? check = null;
        var version = 0;
        foreach (var data in events) check = SpotCheck.After(check, new Event<object>(data) { Version = ++version, Timestamp = DateTimeOffset.UnixEpoch.AddDays(version) });
        return check!;
    }

    private static RuleViolation Refused(Action act) => Assert.Throws<SubmissionRuleException>(act).Violation;

    [Fact]
    public void A_draw_records_its_parameters_and_population_and_re_running_it_gives_its_sample()
    {
        var check = Drawn();
        Assert.Equal((2025, 3, 34, 42L), (check.FiscalYear, check.SampleSize, check.RandomSharePercent, check.Seed));
        Assert.Equal(6, check.Population.Count);
        Assert.Equal(["S-1"], check.SectionIds);
        Assert.Equal([DrawReason.Risk, DrawReason.Risk, DrawReason.Random], check.Items.Select(i => i.Form.Reason));
        Assert.True(SpotCheckRules.Reproduces(check));
        check.Seed++;
        Assert.False(SpotCheckRules.Reproduces(check));
    }

    [Fact]
    public void A_draw_over_nothing_or_by_anyone_but_a_reviewer_is_refused()
    {
        Assert.Equal("population-empty", Refused(() => SpotCheckRules.Draw(Guid.NewGuid(), 2025, 3, 20, 1, [], Drawer)).Code);
        var auditor = new Actor("audit", "孙审计", Role.Auditor);
        Assert.Equal(ViolationKind.Forbidden, Refused(() => SpotCheckRules.Draw(Guid.NewGuid(), 2025, 3, 20, 1, [(new SpotCheckCandidate(Guid.NewGuid(), []), Sampled(1))], auditor)).Kind);
        Assert.Equal(["fiscalYear", "sampleSize", "randomSharePercent", "seed"], SpotCheckRules.DrawProblems(1999, 0, 101, -1).Select(p => p.Field));
        Assert.Empty(SpotCheckRules.DrawProblems(2025, 10, 20, null));
        Assert.Empty(SpotCheckRules.DrawProblems(2025, SpotCheckRules.MaxSampleSize, 0, SpotCheckRules.MaxSeed));
    }

    [Theory]
    [InlineData(100, Grade.优)]
    [InlineData(90, Grade.优)]
    [InlineData(89.99, Grade.良)]
    [InlineData(80, Grade.良)]
    [InlineData(79.5, Grade.中)]
    [InlineData(60, Grade.中)]
    [InlineData(59.99, Grade.差)]
    [InlineData(0, Grade.差)]
    public void The_rescore_grade_follows_the_bands(decimal score, Grade grade)
    {
        var check = Drawn();
        var rescored = SpotCheckRules.Rescore(check, check.Items[0].Form.SubmissionId, score, " 实际完成值无佐证 ", [], Colleague);
        Assert.Equal((score, grade, "实际完成值无佐证"), (rescored.Score, rescored.Grade, rescored.Reasons));
    }

    [Theory]
    [InlineData(100.01)]
    [InlineData(-0.01)]
    [InlineData(85.123)]
    public void A_score_outside_0_to_100_or_with_more_than_two_decimals_is_refused(decimal score)
    {
        var check = Drawn();
        var v = Refused(() => SpotCheckRules.Rescore(check, check.Items[0].Form.SubmissionId, score, "理由", [], Colleague));
        Assert.Equal((ViolationKind.Invalid, "score"), (v.Kind, v.Fields.Single().Field));
    }

    [Fact]
    public void Reasons_are_required_and_each_indicator_note_names_its_indicator()
    {
        var check = Drawn();
        var id = check.Items[0].Form.SubmissionId;
        var v = Refused(() => SpotCheckRules.Rescore(check, id, null, "  ", [new IndicatorNote(null, "", "无佐证")], Colleague));
        Assert.Equal(["score", "reasons", "notes[0]"], v.Fields.Select(f => f.Field));
        var ok = SpotCheckRules.Rescore(check, id, 72.5m, "满分无佐证", [new IndicatorNote("r3", " 群众满意度 ", " 调查样本仅 20 份 ")], Colleague);
        Assert.Equal(new IndicatorNote("r3", "群众满意度", "调查样本仅 20 份"), ok.Notes.Single());
    }

    [Fact]
    public void Only_a_reviewer_of_the_forms_section_who_did_not_approve_it_rescores_it()
    {
        var check = Drawn();
        var id = check.Items[0].Form.SubmissionId;
        Assert.Equal("own-approval", Refused(() => SpotCheckRules.Rescore(check, id, 80, "理由", [], Drawer)).Code);
        Assert.Equal("not-sampled", Refused(() => SpotCheckRules.Rescore(check, id, 80, "理由", [], OtherSection)).Code);
        Assert.Equal("not-sampled", Refused(() => SpotCheckRules.Rescore(check, Guid.NewGuid(), 80, "理由", [], Colleague)).Code);
        Assert.Equal(ViolationKind.Forbidden, Refused(() => SpotCheckRules.Rescore(check, id, 80, "理由", [], new Actor("prep", "王填报", Role.Preparer, "U-BD"))).Kind);
    }

    [Fact]
    public void A_result_is_released_once_after_it_was_rescored_and_cannot_be_rescored_after()
    {
        var check = Drawn();
        var id = check.Items[0].Form.SubmissionId;
        Assert.Equal("not-rescored", Refused(() => SpotCheckRules.Release(check, id, Colleague)).Code);
        var rescored = SpotCheckRules.Rescore(check, id, 72, "满分无佐证", [], Colleague);
        check = Fold(DrawnEvent(check), rescored);
        Assert.True(check.Items[0].CameOutLower);
        var released = SpotCheckRules.Release(check, id, Drawer);
        check = Fold(DrawnEvent(check), rescored, released);
        Assert.Equal("already-released", Refused(() => SpotCheckRules.Release(check, id, Colleague)).Code);
        Assert.Equal("already-released", Refused(() => SpotCheckRules.Rescore(check, id, 75, "改", [], Colleague)).Code);
    }

    [Fact]
    public void A_unit_sees_only_its_own_released_results_and_a_reviewer_only_their_sections()
    {
        var population = new[] { Sampled(1, "U-BD"), Sampled(2, "U-YY"), Sampled(3, "U-OT", "S-2") }
            .Select(f => (new SpotCheckCandidate(f.SubmissionId, []), f)).ToList();
        var drawer = Drawer with { SectionIds = ["S-1", "S-2"] };
        var drawn = SpotCheckRules.Draw(Guid.NewGuid(), 2025, 3, 0, 5, population, drawer);
        var bd = population[0].f.SubmissionId;
        var rescored = SpotCheckRules.Rescore(Fold(drawn), bd, 70, "理由", [], Colleague);
        var check = Fold(drawn, rescored);
        var unit = new Actor("prep", "王填报", Role.Preparer, "U-BD");
        Assert.Empty(SpotCheckAccess.VisibleItems(unit, check));
        Assert.False(SpotCheckAccess.CanSee(unit, check.Item(bd)!));
        check = Fold(drawn, rescored, SpotCheckRules.Release(check, bd, Colleague));
        Assert.True(SpotCheckAccess.CanSee(unit, check.Item(bd)!));
        Assert.Equal([bd], check.Items.Where(i => SpotCheckAccess.CanSee(unit, i)).Select(i => i.Form.SubmissionId));
        Assert.Equal(2, SpotCheckAccess.VisibleItems(Colleague, check).Count);
        Assert.Equal(["U-OT"], SpotCheckAccess.VisibleItems(OtherSection, check).Select(i => i.Form.UnitId));
        Assert.Equal(3, SpotCheckAccess.VisibleItems(new Actor("audit", "孙审计", Role.Auditor), check).Count);
    }

    [Fact]
    public void The_final_grade_is_the_rescore_when_there_is_one_and_each_grade_carries_its_note()
    {
        Assert.Equal((Grade.中, "复核等级"), ResultApplication.FinalGrade(Grade.优, Grade.优, Grade.中));
        Assert.Equal((Grade.良, "审核等级"), ResultApplication.FinalGrade(Grade.优, Grade.良, null));
        Assert.Equal((Grade.优, "自评等级"), ResultApplication.FinalGrade(Grade.优, null, null));
        Assert.Null(ResultApplication.FinalGrade(null, null, null));
        Assert.Equal("优先保障", ResultApplication.NoteFor(Grade.优).Note);
        Assert.Equal("原则上不予安排（削减或取消）", ResultApplication.NoteFor(Grade.差).Note);
        Assert.All(Enum.GetValues<Grade>(), g => Assert.Contains("财预〔2020〕10号", ResultApplication.NoteFor(g).Source, StringComparison.Ordinal));
        Assert.Equal(Grade.良, ResultApplication.SelfGrade(null, 85));
        Assert.Equal(Grade.优, ResultApplication.SelfGrade("优", 85));
    }

    private static SpotCheckDrawn DrawnEvent(SpotCheck check) =>
        new(check.Id, check.FiscalYear, check.SectionIds, check.SampleSize, check.RandomSharePercent, check.Seed, check.Population, [.. check.Items.Select(i => i.Form)], check.DrawnBy);
}
