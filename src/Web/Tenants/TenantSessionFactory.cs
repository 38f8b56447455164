using Approval.Web.Auth;
using JasperFx;
using Marten;

namespace Approval.Web.Tenants;

/// <summary>
/// Every session taken from the container (Razor pages, view components, Wolverine endpoints) belongs to the signed-in
/// account's 财政局, read from its tenant claim, never from the request's query, headers or body. Without a signed-in
/// account (the login, the public pages, background work) the session is the default tenant's, which holds nothing of
/// any bureau; code that needs a bureau's data there opens a session for that tenant explicitly.
/// Sessions are lightweight (no identity map), as before.
/// </summary>
public sealed class TenantSessionFactory(IDocumentStore documentStore, IHttpContextAccessor http) : SessionFactoryBase(documentStore)
{
    private readonly IDocumentStore _store = documentStore;

    private string Tenant => http.HttpContext?.User.TenantOf() ?? StorageConstants.DefaultTenantId;

    public override IQuerySession QuerySession() => _store.QuerySession(Tenant);

    public override Marten.Services.SessionOptions BuildOptions() => new() { TenantId = Tenant, Tracking = DocumentTracking.None };
}
