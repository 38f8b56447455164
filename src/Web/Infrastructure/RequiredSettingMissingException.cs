namespace Approval.Web.Infrastructure;

/// <summary>A setting the app cannot run safely without; the message names it and says what it is for.</summary>
public sealed class RequiredSettingMissingException(string setting, string purpose)
    : Exception($"缺少必需的设置 {setting}：{purpose}。")
{
    public string Setting { get; } = setting;

    /// <summary>The exception itself or the first of its inner exceptions that is one.</summary>
    public static RequiredSettingMissingException? Within(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is RequiredSettingMissingException missing) return missing;
            if (e is AggregateException { InnerExceptions: var inner } && inner.Select(Within).FirstOrDefault(m => m is not null) is { } found) return found;
        }
        return null;
    }
}
