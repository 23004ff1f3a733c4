using LearningPortal.Core.Impact;

namespace LearningPortal.Web.Infrastructure;

public static class ImpactServicesExtensions
{
    /// <summary>
    /// Impact: its read models' pages, the read beacon's background writer and the learning record. After Supervision
    /// and ActionPlans, whose figures the reflection and actions sections ask for.
    /// </summary>
    public static IServiceCollection AddPortalImpact(this IServiceCollection services)
    {
        services.AddImpactCore();
        return services;
    }
}
