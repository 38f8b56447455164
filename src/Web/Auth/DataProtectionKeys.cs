using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Approval.Web.Auth;

/// <summary>One key of ASP.NET Core's data-protection key ring (it signs cookies and bearer tokens), as XML.</summary>
public sealed class DataProtectionKey
{
    public string Id { get; set; } = "";
    public string Xml { get; set; } = "";
}

/// <summary>
/// The key ring lives in the event store's database, so sign-ins survive restarts and every node reads the same keys.
/// The key manager calls this rarely (start-up, then about once a day) and synchronously.
/// </summary>
public sealed class MartenXmlRepository(IDocumentStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var session = store.QuerySession();
        return session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult().Select(k => XElement.Parse(k.Xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        session.Store(new DataProtectionKey { Id = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }
}

public static class DataProtectionKeysRegistration
{
    public static IServiceCollection AddKeyRingInDatabase(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Approval");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            o.XmlRepository = new MartenXmlRepository(sp.GetRequiredService<IDocumentStore>());
            if (sp.GetRequiredService<Integrity.ChainKey>().Value is { } secret) o.XmlEncryptor = new KeyRingEncryptor(secret);
        }));
        return services;
    }
}
