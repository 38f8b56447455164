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

/// <summary>Why a command was refused, in Chinese for the user and English for the log and API clients.</summary>
public sealed record RuleViolation(ViolationKind Kind, string Code, string Message, string MessageEn)
{
    public static RuleViolation Invalid(string code, string message, string messageEn) => new(ViolationKind.Invalid, code, message, messageEn);
    public static RuleViolation Conflict(string code, string message, string messageEn) => new(ViolationKind.Conflict, code, message, messageEn);
    public static RuleViolation Forbidden(string code, string message, string messageEn) => new(ViolationKind.Forbidden, code, message, messageEn);
}

public sealed class SubmissionRuleException(RuleViolation violation) : Exception(violation.MessageEn)
{
    public RuleViolation Violation { get; } = violation;
}
