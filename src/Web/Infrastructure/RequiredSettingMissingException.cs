namespace Approval.Web.Infrastructure;

/// <summary>A setting the app cannot run safely without; the message names it and says what it is for.</summary>
public sealed class RequiredSettingMissingException(string setting, string purpose)
    : Exception($"缺少必需的设置 {setting}：{purpose}。")
{
    public string Setting { get; } = setting;
}
