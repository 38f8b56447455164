using System.Globalization;
using Approval.Workflow.Submissions;

namespace Approval.Web.Deadlines;

/// <summary>Dates and kinds as the deadline endpoints accept them: a refusal names the entry it could not read.</summary>
internal static class DeadlineInput
{
    public static bool TryDate(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>The days of a list, or the problem naming the first entry that is not a date.</summary>
    public static (List<DateOnly> Days, IResult? Problem) Dates(IReadOnlyList<string?>? texts, string what)
    {
        var days = new List<DateOnly>();
        foreach (var text in texts ?? [])
        {
            if (!TryDate(text, out var day))
                return ([], Problems.BadRequest("date-invalid", $"{what}中「{Shown(text)}」不是日期：请写成 2026-10-01 这样的形式", "dates are yyyy-MM-dd"));
            days.Add(day);
        }
        return (days, null);
    }

    /// <summary>A kind named exactly as the API names it (ProjectSelfEvaluation …), never a number.</summary>
    public static SubmissionKind? Kind(string? text) =>
        Enum.TryParse<SubmissionKind>(text, ignoreCase: false, out var kind) && Enum.IsDefined(kind) && !char.IsDigit(text![0]) ? kind : null;

    /// <summary>At most 20 characters of what was sent, without control characters, for a refusal's message.</summary>
    private static string Shown(string? text)
    {
        var clean = new string((text ?? "").Where(c => !char.IsControl(c) && !InvisibleText.IsInvisible(c)).Take(20).ToArray());
        return clean.Length == 0 ? "（空）" : clean;
    }
}
