using LearningPortal.Core.Notifications;
using LearningPortal.Core.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LearningPortal.Core.Feedback;

/// <summary>Registers the feedback module: forms, answering with one-time tokens, invitations after attendance, analysis.</summary>
public static class FeedbackServiceCollectionExtensions
{
    public static IServiceCollection AddFeedbackCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FeedbackOptions>(configuration.GetSection(FeedbackOptions.Section));
        services.AddDataProtection();
        services.AddScoped<FeedbackTokens>();
        services.AddScoped<FeedbackForms>();
        services.AddScoped<FeedbackAnswering>();
        services.AddScoped<FeedbackAnalysis>();
        services.AddScoped<FeedbackExport>();
        services.AddScoped<FeedbackStarterForms>();
        services.AddNotificationHandler<SessionAttended, FeedbackInvitations>();
        return services;
    }
}
