using LearningPortal.Core.Supervision;
using LearningPortal.Core.Training;
using LearningPortal.Web.Training;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LearningPortal.Web.Infrastructure;

public static class SupervisionServicesExtensions
{
    /// <summary>
    /// Supervision reflection logs: the Core services and jobs (its folders' authorisation is in
    /// <see cref="PagesServiceCollectionExtensions"/> with the others).
    /// </summary>
    public static IServiceCollection AddPortalSupervision(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSupervisionCore(configuration);
        services.TryAddSingleton<ISiteAddress, ServerSiteAddress>();
        return services;
    }
}
