using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LearningPortal.Core.Impact;

/// <summary>Registers Impact: the feed other modules write to, reads off the request path, the learning record.</summary>
public static class ImpactServiceCollectionExtensions
{
    /// <summary>
    /// The feed alone: what a module that writes Impact's copies in its own transaction needs (Training's attendance,
    /// Supervision's finalised records). It needs nothing but the database, so a host with one module stays valid.
    /// </summary>
    public static IServiceCollection AddImpactFeed(this IServiceCollection services)
    {
        services.TryAddScoped<ImpactFeed>();
        return services;
    }

    /// <summary>
    /// Impact's own services. The reflection and objective figures ask Supervision and ActionPlans, so the host adds
    /// those modules too (the web host does; <c>ValidateOnBuild</c> says so at start if one is missing). Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddImpactCore(this IServiceCollection services)
    {
        services.AddImpactFeed();
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
