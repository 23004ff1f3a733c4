using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LearningPortal.Core.Impact;

/// <summary>Registers Impact: the feed other modules write to, reads off the request path, the learning record.</summary>
public static class ImpactServiceCollectionExtensions
{
    /// <summary>Safe to call more than once; Core's registration calls it because Training and Supervision write to the feed.</summary>
    public static IServiceCollection AddImpactCore(this IServiceCollection services)
    {
        services.TryAddScoped<ImpactFeed>();
        services.TryAddScoped<ImpactRebuild>();
        services.TryAddScoped<BriefingReflections>();
        services.TryAddScoped<LearningRecord>();
        services.TryAddScoped<ImpactReach>();
        services.TryAddScoped<OutcomeMeasures>();
        services.TryAddScoped<ImpactReflection>();
        services.TryAddScoped<ImpactObjectives>();
        services.TryAddScoped<ImpactTraining>();
        services.TryAddScoped<ImpactFeedbackFigures>();
        services.TryAddScoped<Gcp2Targets>();
        services.TryAddSingleton<ReadRecorder>();
        if (!services.Any(s => s.ServiceType == typeof(ReadWriter)))
        {
            services.AddSingleton<ReadWriter>();
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ReadWriter>());
        }

        return services;
    }
}
