namespace Approval.Workflow.Narrative;

/// <summary>How many statements of the narrative the checks took up: a narrative with none was read, not checked.</summary>
public static partial class NarrativeChecker
{
    /// <summary>Completion rates, changes on last year and shares the NR- rules recomputed.</summary>
    public static int ClaimCount(string narrative)
    {
        var text = Flatten(narrative);
        return CompletionPattern().Count(text) + ChangePattern().Count(text) + ShareOfPattern().Count(text)
            + text.Split('。').Where(s => !s.Contains("构成", StringComparison.Ordinal)).Sum(s => WholeThenSharesPattern().IsMatch(s) ? ShareItemPattern().Count(s) : 0)
            + text.Split('。').Where(s => s.Contains("构成", StringComparison.Ordinal)).Sum(s => ShareItemPattern().Count(s) is var n and >= 2 ? n : 0);
    }
}
