using System.Collections.Concurrent;
using LearningPortal.Core.Notifications;
using Microsoft.AspNetCore.Hosting;

namespace LearningPortal.Tests.Training;

/// <summary>
/// The real site with training settings the tests rely on: a GCP2 refresher 24 months after training (not
/// the default 36, to show the setting is read), and the scheduled jobs left to the tests (they run once at
/// start, then not for a day) so that a test decides when reminders and expiries happen. Every session
/// published and every attendance the site raises is recorded in <see cref="Notifications"/>.
/// </summary>
public sealed class TrainingSite : PortalFactory
{
    public const int RefresherMonths = 24;

    public ConcurrentQueue<ITrainingNotification> Notifications { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton(Notifications);
            services.AddNotificationHandler<SessionPublished, Recorder<SessionPublished>>();
            services.AddNotificationHandler<SessionAttended, Recorder<SessionAttended>>();
        });
    }

    private sealed class Recorder<T>(ConcurrentQueue<ITrainingNotification> log) : INotificationHandler<T>
        where T : ITrainingNotification
    {
        public Task HandleAsync(T notification, CancellationToken cancellationToken)
        {
            log.Enqueue(notification);
            return Task.CompletedTask;
        }
    }

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Training:Gcp2RefresherMonths"] = RefresherMonths.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Training:JobInterval"] = "1.00:00:00",
        ["Training:ReminderDaysBefore"] = "3",
        ["Training:CancellationCutOff"] = "2.00:00:00",
        ["Training:Charges:HalfDayFee"] = "40",
        ["Training:Charges:FullDayFee"] = "80",
    };
}
