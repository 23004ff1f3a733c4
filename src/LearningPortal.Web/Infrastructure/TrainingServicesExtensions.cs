using LearningPortal.Core.Notifications;
using LearningPortal.Core.Training;
using LearningPortal.Search;
using LearningPortal.Web.Training;

namespace LearningPortal.Web.Infrastructure;

public static class TrainingServicesExtensions
{
    /// <summary>Training bookings: the Core services, the address for email links, Markdown rendering, the booking journey's state and search.</summary>
    public static IServiceCollection AddPortalTraining(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTrainingCore(configuration);
        services.AddSingleton<ISiteAddress, ServerSiteAddress>();
        services.AddSingleton<SafeMarkdown>();
        services.AddSingleton<BookingJourneyStore>();
        services.AddSingleton<Pages.Feedback.AnonymousRespondent>();

        // Courses and upcoming sessions are searchable; session changes reach the index through the journal.
        services.AddSingleton<ISearchSource, TrainingSearchSource>();
        services.AddNotificationHandler<SessionPublished, TrainingSearchHandler>();
        services.AddNotificationHandler<SessionChanged, TrainingSearchHandler>();
        services.AddNotificationHandler<SessionCancelled, TrainingSearchHandler>();
        return services;
    }
}
