using LearningPortal.Core.Content;
using LearningPortal.Core.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LearningPortal.Core.ActionPlans;

/// <summary>Registers the action plans module (the host supplies <see cref="Training.ISiteAddress"/> for email links).</summary>
public static class ActionPlanServiceCollectionExtensions
{
    public static IServiceCollection AddActionPlansCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ActionPlanOptions>(configuration.GetSection(ActionPlanOptions.Section));
        services.AddScoped<ActionPlanning>();
        services.AddScoped<ActionProgress>();
        services.AddScoped<ActionQueries>();
        services.AddScoped<ActionChoices>();
        services.AddScoped<ObjectiveLinks>();
        services.AddScoped<ActionReminders>();
        services.AddScoped<ActionReport>();
        services.AddScoped<AssuranceRequests>();
        services.AddScoped<PartnershipGroups>();
        services.AddScoped<ActionPlanStarter>();
        services.AddScoped<PublishedContentWatch>();
        services.AddNotificationHandler<ContentPublished, PublishedContentWatch>();
        services.AddSingleton<ActionPlanJobs>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ActionPlanJobs>());
        return services;
    }
}
