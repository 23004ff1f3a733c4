using LearningPortal.Core.Content;
using LearningPortal.Core.Impact;
using LearningPortal.Core.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LearningPortal.Core.Supervision;

/// <summary>Registers the supervision module (the host supplies <see cref="Training.ISiteAddress"/> for email links).</summary>
public static class SupervisionServiceCollectionExtensions
{
    public static IServiceCollection AddSupervisionCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SupervisionOptions>(configuration.GetSection(SupervisionOptions.Section));
        services.TryAddSingleton<Reporting.SmallNumbers>();
        services.AddImpactFeed(); // finalising a record writes Impact's copy in the same transaction
        services.AddScoped<BriefingQuestionSets>();
        services.AddNotificationHandler<ContentPublished, BriefingQuestionSets>();
        services.AddNotificationHandler<ContentUnpublished, BriefingQuestionSets>();
        services.AddScoped<QuestionSets>();
        services.AddScoped<DiscussionRecords>();
        services.AddScoped<SupervisionActions>();
        services.AddScoped<SupervisionReminders>();
        services.AddScoped<SupervisionRetention>();
        services.AddScoped<SupervisionDashboard>();
        services.AddSingleton<SupervisionJobs>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<SupervisionJobs>());
        return services;
    }
}
