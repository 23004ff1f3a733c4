using LearningPortal.Core.Supervision;
using LearningPortal.Core.Training;
using LearningPortal.Web.Security;
using LearningPortal.Web.Training;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LearningPortal.Web.Infrastructure;

public static class SupervisionServicesExtensions
{
    /// <summary>
    /// Supervision reflection logs: the Core services and jobs, and who may use its pages. /supervision is for
    /// any signed-in user (each record decides who reads it); recording needs the Supervisor role; the
    /// partnership's dashboard and standing question sets under /manage are for Editors.
    /// </summary>
    public static IServiceCollection AddPortalSupervision(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSupervisionCore(configuration);
        services.TryAddSingleton<ISiteAddress, ServerSiteAddress>();
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Supervision");
            o.Conventions.AuthorizeFolder("/Supervision/Recording", PortalPolicies.Supervisor);
            o.Conventions.AuthorizeFolder("/Manage/Supervision", PortalPolicies.Editor);
        });
        return services;
    }
}
