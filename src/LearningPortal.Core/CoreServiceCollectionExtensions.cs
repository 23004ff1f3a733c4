using LearningPortal.Core.Auditing;
using LearningPortal.Core.Email;
using LearningPortal.Core.Jobs;
using LearningPortal.Core.Search;
using LearningPortal.Core.Reporting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LearningPortal.Core;

/// <summary>Registers the services of Core that do not depend on the web.</summary>
public static class CoreServiceCollectionExtensions
{
    /// <summary>Audit log, search journal and the email outbox with its background sender.</summary>
    public static IServiceCollection AddPortalCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AuditLog>();
        services.AddSearchJournal();
        services.TryAddSingleton<SmallNumbers>();

        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<WakeUpSignal<OutboxMessage>>();
        services.AddScoped<EmailOutbox>();
        services.AddScoped<OutboxStatus>();
        services.AddSingleton<IMailTransport>(sp =>
        {
            var o = sp.GetRequiredService<IOptionsMonitor<EmailOptions>>();
            if (!string.IsNullOrWhiteSpace(o.CurrentValue.SmtpHost))
            {
                return new SmtpMailTransport(o);
            }

            return new PickupFolderMailTransport(Path.GetFullPath(o.CurrentValue.PickupDirectory, contentRoot));
        });
        services.AddSingleton<OutboxSender>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<OutboxSender>());
        return services;
    }
}
