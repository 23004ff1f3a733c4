using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LearningPortal.Migrations.Sqlite;

/// <summary>Used by dotnet ef only: dotnet ef migrations add NAME --project src/LearningPortal.Migrations.Sqlite --startup-project src/LearningPortal.Migrations.Sqlite</summary>
public class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        DesignTime.Create(b => b.UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name)));
}
