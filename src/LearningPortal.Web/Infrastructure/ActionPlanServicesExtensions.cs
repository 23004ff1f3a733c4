using LearningPortal.Core.ActionPlans;
using LearningPortal.Core.Notifications;
using LearningPortal.Core.Training;
using LearningPortal.Web.Content;
using LearningPortal.Web.Training;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LearningPortal.Web.Infrastructure;

public static class ActionPlanServicesExtensions
{
    /// <summary>
    /// Action plans and assurance: the Core services and jobs, and eviction of cached public pages when a plan changes
    /// (a public briefing page shows its plan's progress). Folder authorisation is in <see cref="PagesServiceCollectionExtensions"/>.
    /// </summary>
    public static IServiceCollection AddPortalActionPlans(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddActionPlansCore(configuration);
        services.TryAddSingleton<ISiteAddress, ServerSiteAddress>();
        services.AddNotificationHandler<ActionPlanChanged, EvictPublicPagesOnPlanChange>();
        return services;
    }

    /// <summary>Imports content/action-plans.yml on first start (after the documents it refers to).</summary>
    public static async Task ImportStarterActionPlansAsync(this IServiceProvider services)
    {
        if (!services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Core.Content.ContentOptions>>().Value.ImportStarterContent)
        {
            return;
        }

        var problems = await services.GetRequiredService<ActionPlanStarter>().ImportIfEmptyAsync(services.GetRequiredService<PortalPaths>().Content);
        var logger = services.GetRequiredService<ILogger<ActionPlanStarter>>();
        foreach (var problem in problems)
        {
            logger.LogWarning("Starter action plans: {Problem}", problem);
        }
    }

    private sealed class EvictPublicPagesOnPlanChange(IOutputCacheStore store) : INotificationHandler<ActionPlanChanged>
    {
        public Task HandleAsync(ActionPlanChanged notification, CancellationToken cancellationToken) =>
            notification.DocumentId is null ? Task.CompletedTask : store.EvictByTagAsync(PublicContentCache.Tag, cancellationToken).AsTask();
    }
}
