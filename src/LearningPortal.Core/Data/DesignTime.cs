using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LearningPortal.Core.Data;

/// <summary>
/// Helps the per-provider design-time factories build the same model as the running site: Identity's
/// schema version 3 (passkeys) is read from IdentityOptions through the application service provider.
/// </summary>
public static class DesignTime
{
    public static PortalDbContext Create(Action<DbContextOptionsBuilder<PortalDbContext>> useProvider)
    {
        var services = new ServiceCollection()
            .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
            .BuildServiceProvider();
        var builder = new DbContextOptionsBuilder<PortalDbContext>().UseApplicationServiceProvider(services);
        useProvider(builder);
        return new PortalDbContext(builder.Options);
    }
}
