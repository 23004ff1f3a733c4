using LearningPortal.Core.Impact;
using LearningPortal.Core.Notifications;
using LearningPortal.Core.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LearningPortal.Core.Training;

/// <summary>Registers the training module's services (the host supplies <see cref="ISiteAddress"/>).</summary>
public static class TrainingServiceCollectionExtensions
{
    public static IServiceCollection AddTrainingCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TrainingOptions>(configuration.GetSection(TrainingOptions.Section));
        services.AddSingleton<SessionLocks>();
        services.AddNotifications();
        services.AddImpactFeed(); // marking attendance writes Impact's copy in the same transaction
        services.AddScoped<TrainingEmails>();
        services.AddScoped<PlaceAllocation>();
        services.AddScoped<BookingService>();
        services.AddScoped<Accounts.LineManagers>();
        services.AddScoped<AttendanceFollowUp>();
        services.AddScoped<ManagerApproval>();
        services.AddScoped<SessionAdministration>();
        services.AddScoped<CourseAdministration>();
        services.AddSingleton<ISearchSource, TrainingSearchSource>();
        services.AddScoped<SessionRegister>();
        services.AddScoped<TrainingReminders>();
        services.AddScoped<TrainingReports>();
        services.AddSingleton<TrainingJobs>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<TrainingJobs>());
        return services;
    }
}
