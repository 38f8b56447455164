namespace Approval.Workflow.Submissions;

/// <summary>
/// Ids an administrator chooses (股室、单位、账户、指标模板) travel in URLs, headers, file names, hub group names and
/// index rows: they are a safe alphabet — ASCII letters and digits, then also <c>-</c>, <c>_</c> and <c>.</c>, at most
/// <see cref="MaxLength"/> characters, never <c>..</c>. Names are free text and live elsewhere.
/// </summary>
public static class SafeId
{
    public const int MaxLength = 64;

    public const string Rule = "编号只能由英文字母、数字和 - _ . 组成，以字母或数字开头，最长 64 个字符";

    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= MaxLength } && char.IsAsciiLetterOrDigit(id[0]) && !id.Contains("..", StringComparison.Ordinal) &&
        id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
