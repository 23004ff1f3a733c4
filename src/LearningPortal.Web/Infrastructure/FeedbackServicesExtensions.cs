using LearningPortal.Core.Feedback;

namespace LearningPortal.Web.Infrastructure;

public static class FeedbackServicesExtensions
{
    /// <summary>Feedback forms: building (Editors), answering with one-time tokens, evaluations after training, analysis.</summary>
    public static IServiceCollection AddPortalFeedback(this IServiceCollection services, IConfiguration configuration) =>
        services.AddFeedbackCore(configuration);

    /// <summary>On first start (no form yet), imports the starter forms from content/feedback.</summary>
    public static async Task ImportStarterFeedbackFormsAsync(this IServiceProvider services)
    {
        var folder = Path.Combine(services.GetRequiredService<PortalPaths>().Content, "feedback");
        await services.GetRequiredService<FeedbackStarterForms>().ImportIfEmptyAsync(folder);
    }
}
