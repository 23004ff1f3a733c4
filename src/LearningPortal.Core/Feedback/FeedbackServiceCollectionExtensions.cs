using LearningPortal.Core.Impact;
using LearningPortal.Core.Notifications;
using LearningPortal.Core.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LearningPortal.Core.Feedback;

/// <summary>Registers the feedback module: forms, answering with one-time tokens, invitations after attendance, analysis.</summary>
public static class FeedbackServiceCollectionExtensions
{
    public static IServiceCollection AddFeedbackCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FeedbackOptions>(configuration.GetSection(FeedbackOptions.Section));
        services.AddDataProtection();
        services.TryAddSingleton<Reporting.SmallNumbers>();
        services.AddScoped<FeedbackTokens>();
        services.AddScoped<FeedbackForms>();
        services.AddScoped<FeedbackAnswering>();
        services.AddScoped<FeedbackAnalysis>();
        services.AddScoped<FeedbackExport>();
        services.AddScoped<FeedbackStarterForms>();
        services.AddNotificationHandler<SessionAttended, FeedbackInvitations>();
        services.AddImpactFeed(); // storing a response writes Impact's copy of its figures in the same transaction
        return services;
    }
}
