using LearningPortal.Core.Training;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace LearningPortal.Web.Training;

/// <summary>
/// The address used in links in emails: the setting Site:Address (set it in production, e.g.
/// https://learning.partnership.example), otherwise the first address the server listens on.
/// </summary>
public sealed class ServerSiteAddress(IConfiguration configuration, IServer server) : ISiteAddress
{
    public Uri BaseUri
    {
        get
        {
            var configured = configuration["Site:Address"];
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return new Uri(configured.TrimEnd('/') + "/");
            }

            var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
            var address = listening.Replace("://[::]", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
                .Replace("://+", "://localhost", StringComparison.Ordinal)
                .Replace("://*", "://localhost", StringComparison.Ordinal);
            return new Uri(address.TrimEnd('/') + "/");
        }
    }
}
