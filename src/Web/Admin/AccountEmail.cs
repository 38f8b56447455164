namespace Approval.Web.Admin;

/// <summary>An account's optional email address: one plain mailbox (name@host), at most 254 characters.</summary>
public static class AccountEmail
{
    public const int MaxLength = 254;

    public static IResult? Problem(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return null;
        var text = email.Trim();
        var valid = text.Length <= MaxLength && !text.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) && !Workflow.Submissions.InvisibleText.Contains(text)
            && MimeKit.MailboxAddress.TryParse(text, out var mailbox) && mailbox.Address == text && text.IndexOf('@') is > 0 and var at && at < text.Length - 1 && text.Count(c => c == '@') == 1;
        return valid ? null : Problems.BadRequest("email-invalid", "电子邮箱格式不正确，例如 zhang@example.gov.cn", "email is a single address such as name@example.gov.cn");
    }

    public static string? Normalized(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim();
}
