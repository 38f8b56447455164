using System.Security.Cryptography;
using System.Text;

namespace Approval.Web.Auth;

/// <summary>A refresh token already exchanged, kept (as a hash) until it would have expired: each works once.</summary>
public sealed class ConsumedRefreshToken
{
    public string Id { get; set; } = "";
    public string AccountId { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }

    public static string KeyOf(string refreshToken) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));
}
