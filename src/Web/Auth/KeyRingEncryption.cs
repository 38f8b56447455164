using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Approval.Web.Integrity;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Approval.Web.Auth;

/// <summary>
/// The key ring's secrets are stored encrypted (AES-256-GCM) under a key derived from <see cref="ChainKey"/>, which is
/// kept outside the database: whoever reads the database — a backup, the application's own role — cannot mint
/// cookies or bearer tokens with what they read. Keys stored before this was in place stay readable as they are.
/// </summary>
public static class KeyRingCipher
{
    private const int NonceBytes = 12, TagBytes = 16;
    private static readonly byte[] Purpose = Encoding.UTF8.GetBytes("approval:data-protection-key-ring");

    /// <summary>A key for this purpose only: the chain key itself never encrypts anything.</summary>
    public static byte[] KeyFrom(byte[] secret) => HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: Purpose);

    public static string Seal(byte[] secret, string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(KeyFrom(secret), TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length));
        return Convert.ToBase64String(sealedBytes);
    }

    /// <exception cref="CryptographicException">Sealed under another chain key, or altered.</exception>
    public static string Open(byte[] secret, string sealedText)
    {
        var sealedBytes = Convert.FromBase64String(sealedText);
        var length = sealedBytes.Length - NonceBytes - TagBytes;
        if (length < 0) throw new CryptographicException("the sealed key is too short");
        var plain = new byte[length];
        using var aes = new AesGcm(KeyFrom(secret), TagBytes);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, length), sealedBytes.AsSpan(NonceBytes + length), plain);
        return Encoding.UTF8.GetString(plain);
    }
}

public sealed class KeyRingEncryptor(byte[] secret) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) => new(
        new XElement("sealed", new XComment(" AES-256-GCM, key derived from Approval:ChainKey "),
            KeyRingCipher.Seal(secret, plaintextElement.ToString(SaveOptions.DisableFormatting))),
        typeof(KeyRingDecryptor));
}

/// <summary>Made by the data-protection system from the type named in the stored key, with the app's services.</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var secret = services.GetRequiredService<ChainKey>().Value ?? throw new CryptographicException("no chain key to open the key ring with");
        return XElement.Parse(KeyRingCipher.Open(secret, encryptedElement.Value));
    }
}
