using Approval.Web.Auth;
using Approval.Web.Organization;
using Approval.Web.Templates;

namespace Approval.Web;

/// <summary>
/// Two creates of one id at once: the one that committed first stands, the other is told so — never overwritten. The
/// creates insert and leave the commit to Wolverine's transaction, so that the insert and the request's idempotency
/// claim commit together; the loser's insert fails there and is answered here, in the words of its own check.
/// </summary>
public static class ConcurrentCreate
{
    /// <summary>The 409 of an insert that lost, by the kind of record; null when the exception is something else.</summary>
    public static IResult? Refusal(Exception? exception) => Find(exception) switch
    {
        null => null,
        { DocumentType: var type } when type == typeof(ReviewSection) => Problems.Of(409, "section-exists", "同一股室编号刚刚已由另一请求登记；修改名称请用「修改」", "created by a concurrent request"),
        { DocumentType: var type } when type == typeof(BudgetUnit) => Problems.Of(409, "unit-exists", "同一单位编号刚刚已由另一请求登记；修改请用「修改」", "created by a concurrent request"),
        { DocumentType: var type } when type == typeof(Account) => Problems.Of(409, "account-exists", "账户名已存在", "the account already exists"),
        { DocumentType: var type } when type == typeof(StoredTemplate) => Problems.Of(409, "template-exists", "同一模板版本刚刚已由另一请求发布；修改请发布新版本", "template version exists; publish a new version"),
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
