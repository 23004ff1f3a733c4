using LearningPortal.Core.Training;
using LearningPortal.Web.Training;

namespace LearningPortal.Web.Infrastructure;

public static class TrainingServicesExtensions
{
    /// <summary>Training bookings: the Core services, the address for email links, Markdown rendering and the booking journey's state.</summary>
    public static IServiceCollection AddPortalTraining(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTrainingCore(configuration);
        services.AddSingleton<ISiteAddress, ServerSiteAddress>();
        services.AddSingleton<SafeMarkdown>();
        services.AddSingleton<BookingJourneyStore>();
        services.AddScoped<StarterTraining>();
        services.AddSingleton<Pages.Feedback.AnonymousRespondent>();
        return services;
    }
}
