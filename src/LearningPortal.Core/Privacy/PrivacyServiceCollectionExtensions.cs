using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LearningPortal.Core.Privacy;

/// <summary>Registers subject access exports and retention (after the modules whose services they read).</summary>
public static class PrivacyServiceCollectionExtensions
{
    public static IServiceCollection AddPrivacyCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RetentionOptions>(configuration.GetSection(RetentionOptions.Section));
        services.AddScoped<PersonalDataExport>();
        services.AddScoped<PersonalDataRetention>();
        services.AddSingleton<RetentionJob>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<RetentionJob>());
        return services;
    }
}
