namespace Approval.Web;

/// <summary>An insert that lost to a concurrent create of the same id (however deep Marten wraps it).</summary>
public static class ConcurrentCreate
{
    public static bool Lost(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is JasperFx.DocumentAlreadyExistsException || e is AggregateException many && many.InnerExceptions.Any(Lost)) return true;
        return false;
    }
}
