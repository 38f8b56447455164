using Approval.Web.Auth;
using Approval.Web.Organization;
using Approval.Web.Templates;

namespace Approval.Web;

/// <summary>
/// A create of an id that exists — stored long ago or by a concurrent request a moment ago — is told so, never overwritten.
/// The creates insert without looking first and leave the commit to Wolverine's transaction, so that the insert and the
/// request's idempotency claim commit together: a retry racing its twin fails at that commit and Wolverine answers it from
/// the twin's claim (the first answer); anything else that fails there is answered here.
/// </summary>
public static class ConcurrentCreate
{
    /// <summary>The 409 of an insert that lost, by the kind of record; null when the exception is something else.</summary>
    public static IResult? Refusal(Exception? exception) => Find(exception) switch
    {
        null => null,
        { DocumentType: var type, Id: var id } when type == typeof(ReviewSection) => Problems.Of(409, "section-exists", $"股室编号 {id} 已存在；修改名称请用「修改」", "the section exists; change it with PUT"),
        { DocumentType: var type, Id: var id } when type == typeof(BudgetUnit) => Problems.Of(409, "unit-exists", $"单位编号 {id} 已存在；修改请用「修改」", "the unit exists; change it with PUT"),
        { DocumentType: var type } when type == typeof(Account) => Problems.Of(409, "account-exists", "账户名已存在", "the account already exists"),
        { DocumentType: var type, Id: var id } when type == typeof(StoredTemplate) => Problems.Of(409, "template-exists", $"模板 {id} 已存在；修改请发布新版本", "template version exists; publish a new version"),
        _ => Problems.Of(409, "already-exists", "同一编号刚刚已由另一请求创建；请刷新后查看", "the id was created by a concurrent request"),
    };

    /// <summary>True when the exception is an insert that lost to a concurrent create of the same id, however deep it is wrapped.</summary>
    public static bool Lost(Exception? exception) => Find(exception) is not null;

    private static JasperFx.DocumentAlreadyExistsException? Find(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is JasperFx.DocumentAlreadyExistsException found) return found;
            if (e is AggregateException many && many.InnerExceptions.Select(Find).FirstOrDefault(f => f is not null) is { } inner) return inner;
        }
        return null;
    }
}
