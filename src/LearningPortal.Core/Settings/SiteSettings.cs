using LearningPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Settings;

/// <summary>Reads and writes <see cref="SiteSetting"/>s. A missing setting falls back to the default the caller gives.</summary>
public class SiteSettings(PortalDbContext db, TimeProvider clock)
{
    /// <summary>Whether a draft must be approved by a second Editor before it is published.</summary>
    public const string ContentRequireReview = "content.require-review";

    public async Task<bool> GetBoolAsync(string key, bool fallback, CancellationToken cancellationToken = default)
    {
        var value = await db.SiteSettings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
        return value is null ? fallback : string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Sets a value and saves it (callers record the change in the audit log in the same save if they wish).</summary>
    public async Task SetBoolAsync(string key, bool value, string byName, CancellationToken cancellationToken = default)
    {
        var setting = await db.SiteSettings.FirstOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (setting is null)
        {
            setting = new SiteSetting { Key = key };
            db.SiteSettings.Add(setting);
        }

        setting.Value = value ? "true" : "false";
        setting.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        setting.UpdatedByName = byName;
        await db.SaveChangesAsync(cancellationToken);
    }
}
