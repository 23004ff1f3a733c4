using LearningPortal.Core;
using LearningPortal.Core.Privacy;

namespace LearningPortal.Web.Infrastructure;

public static class CoreServicesExtensions
{
    public static IServiceCollection AddPortalCoreServices(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddPortalCore(configuration, environment.ContentRootPath);
        services.AddPrivacyCore(configuration);
        services.AddSingleton<PortalPaths>();
        services.AddScoped<DatabaseSeeder>();
        services.AddScoped<DemoAccounts>();
        return services;
    }
}
