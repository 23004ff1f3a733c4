using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LearningPortal.Core.Data;
using LearningPortal.Core.Settings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace LearningPortal.Core.Feedback;

/// <summary>What a one-time answering token says: this person may answer this form once, in this place.</summary>
public sealed record FeedbackTicket(int FormId, FeedbackPlace Place, string UserId);

/// <summary>
/// Signed one-time answering tokens (ASP.NET Data Protection, so they cannot be forged or altered and expire),
/// and the marker that records a token as spent: an HMAC of form, place and person under a key kept in the
/// site settings. The marker is the same for every token of the same person and place, so asking for a new
/// token does not let anyone answer twice; without the key, nobody can tell from a marker who answered.
/// </summary>
public class FeedbackTokens(IDataProtectionProvider protection, PortalDbContext db, TimeProvider clock)
{
    /// <summary>How long an emailed answering link works.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(120);

    private const string MarkerKeySetting = "feedback.marker-key";

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("LearningPortal.Feedback.AnswerToken.v1").ToTimeLimitedDataProtector();

    public string Issue(FeedbackTicket ticket) =>
        Protector.Protect(string.Join('|', ticket.FormId.ToString(CultureInfo.InvariantCulture), ticket.Place.Code, ticket.UserId), clock.GetUtcNow().Add(Lifetime));

    /// <summary>The ticket inside a token, or null if it is not one of ours, was altered or has expired.</summary>
    public FeedbackTicket? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
        {
            return null;
        }

        try
        {
            var parts = Protector.Unprotect(token, out var expires).Split('|');
            if (expires < clock.GetUtcNow() || parts.Length != 3
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var formId)
                || FeedbackPlace.Parse(parts[1]) is not { } place || parts[2].Length == 0)
            {
                return null;
            }

            return new FeedbackTicket(formId, place, parts[2]);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The spent marker of a ticket (hex HMAC-SHA256).</summary>
    public async Task<string> MarkerAsync(FeedbackTicket ticket, CancellationToken cancellationToken = default)
    {
        var key = await KeyAsync(cancellationToken);
        var data = Encoding.UTF8.GetBytes($"{ticket.FormId}|{ticket.Place.Code}|{ticket.UserId}");
        return Convert.ToHexString(HMACSHA256.HashData(key, data)).ToLowerInvariant();
    }

    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        var key = await StoredKeyAsync(cancellationToken);
        if (key is null)
        {
            db.SiteSettings.Add(new SiteSetting
            {
                Key = MarkerKeySetting,
                Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                UpdatedUtc = clock.GetUtcNow().UtcDateTime,
                UpdatedByName = "Feedback",
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another request made the key first: use theirs.
            }

            db.ChangeTracker.Clear();
            key = await StoredKeyAsync(cancellationToken) ?? throw new InvalidOperationException("The feedback marker key could not be stored.");
        }

        return key;
    }

    private async Task<byte[]?> StoredKeyAsync(CancellationToken cancellationToken)
    {
        var value = await db.SiteSettings.AsNoTracking().Where(s => s.Key == MarkerKeySetting).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
        return value is null ? null : Convert.FromBase64String(value);
    }
}
