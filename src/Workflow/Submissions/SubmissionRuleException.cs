namespace Approval.Workflow.Submissions;

public enum ViolationKind
{
    /// <summary>The request itself is wrong (missing or malformed field): 400.</summary>
    Invalid,
    /// <summary>The request does not fit the submission's current state: 409.</summary>
    Conflict,
    /// <summary>The actor may not do this: 403.</summary>
    Forbidden,
}

/// <summary>One field of a request that is wrong: its name as the request spells it, a stable code and a Chinese message.</summary>
public sealed record FieldProblem(string Field, string Code, string Message);

/// <summary>Why a command was refused, in Chinese for the user and English for the log and API clients.</summary>
public sealed record RuleViolation(ViolationKind Kind, string Code, string Message, string MessageEn)
{
    /// <summary>Every wrong field when the request is refused for several at once (none when it is one refusal).</summary>
    public IReadOnlyList<FieldProblem> Fields { get; init; } = [];

    /// <summary>Facts a client needs to offer the way out (the year the report states, the report it duplicates), by name.</summary>
    public IReadOnlyDictionary<string, object?> Facts { get; init; } = new Dictionary<string, object?>();

    /// <summary>A request wrong in several fields, refused once naming each of them.</summary>
    public static RuleViolation InvalidFields(string code, string messageEn, IReadOnlyList<FieldProblem> fields) =>
        new(ViolationKind.Invalid, code, fields.Count == 1 ? fields[0].Message : $"请补全 {fields.Count} 项：" + string.Join("；", fields.Select(f => f.Message)), messageEn)
        { Fields = fields };

    public static RuleViolation Invalid(string code, string message, string messageEn) => new(ViolationKind.Invalid, code, message, messageEn);
    public static RuleViolation Conflict(string code, string message, string messageEn) => new(ViolationKind.Conflict, code, message, messageEn);
    public static RuleViolation Forbidden(string code, string message, string messageEn) => new(ViolationKind.Forbidden, code, message, messageEn);
}

public sealed class SubmissionRuleException(RuleViolation violation) : Exception(violation.MessageEn)
{
    public RuleViolation Violation { get; } = violation;
}
