using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LearningPortal.Migrations.PostgreSql;

/// <summary>Used by dotnet ef only: dotnet ef migrations add NAME --project src/LearningPortal.Migrations.PostgreSql --startup-project src/LearningPortal.Migrations.PostgreSql</summary>
public class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        DesignTime.Create(b => b.UseNpgsql("Host=localhost;Database=design_time", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name)));
}
