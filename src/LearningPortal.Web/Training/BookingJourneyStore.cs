using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace LearningPortal.Web.Training;

/// <summary>What the person has answered so far on the booking journey.</summary>
public sealed class BookingJourney
{
    public string UserId { get; set; } = "";

    public int SessionId { get; set; }

    public string? AttendeeName { get; set; }

    public int? AgencyId { get; set; }

    public string? JobRole { get; set; }

    public string? LineManagerName { get; set; }

    public string? LineManagerEmail { get; set; }

    public string? AccessNeeds { get; set; }

    public string? DietaryNeeds { get; set; }

    /// <summary>Set once the person has been through the needs page (the answers may be empty).</summary>
    public bool NeedsAnswered { get; set; }

    public bool DetailsAnswered => AttendeeName is not null && AgencyId is not null && JobRole is not null;
}

/// <summary>
/// Keeps the booking journey's answers between pages in an encrypted, HTTP-only cookie (one journey at a
/// time, for the signed-in person), so nothing is written to the database until the booking is made.
/// </summary>
public sealed class BookingJourneyStore(IDataProtectionProvider protection)
{
    private const string CookieName = "lp.booking";
    private readonly IDataProtector protector = protection.CreateProtector("LearningPortal.Training.BookingJourney");

    /// <summary>The journey for this session and person, or a new one.</summary>
    public BookingJourney Read(HttpContext context, int sessionId)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        if (context.Request.Cookies.TryGetValue(CookieName, out var value))
        {
            try
            {
                var journey = JsonSerializer.Deserialize<BookingJourney>(protector.Unprotect(value));
                if (journey is not null && journey.SessionId == sessionId && journey.UserId == userId)
                {
                    return journey;
                }
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                // An old or tampered cookie: start again.
            }
            catch (JsonException)
            {
                // As above.
            }
        }

        return new BookingJourney { SessionId = sessionId, UserId = userId };
    }

    public void Write(HttpContext context, BookingJourney journey) =>
        context.Response.Cookies.Append(CookieName, protector.Protect(JsonSerializer.Serialize(journey)), Options());

    public void Clear(HttpContext context) => context.Response.Cookies.Delete(CookieName, Options());

    private static CookieOptions Options() => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Lax,
        Path = "/training",
        IsEssential = true,
        MaxAge = TimeSpan.FromHours(2),
    };
}
