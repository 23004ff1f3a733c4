using System.Diagnostics;
using LearningPortal.Tests.Account;

namespace LearningPortal.Tests.Security;

/// <summary>
/// A stranger must not learn whether an address has an account, or whether it is locked or unconfirmed, from the words
/// or the time of the answers of sign-in, create account, forgotten password, resend confirmation and change email.
/// Time is compared as medians over a few tries with a generous bound: before the fix a locked account answered in
/// a few milliseconds against hundreds for a real password check.
/// </summary>
[Trait("Database", "SqliteOnly")]
public class AccountEnumerationTests(PortalFactory site) : IClassFixture<PortalFactory>
{
    private const int Tries = 5;

    private enum Kind { Known, Unknown, Locked, Unconfirmed }

    [Fact]
    public async Task Sign_in_answers_the_same_for_known_unknown_locked_and_unconfirmed_accounts()
    {
        var answers = await AskEachAsync(async (client, email) =>
        {
            var page = await client.GetDocumentAsync("/account/sign-in");
            var watch = Stopwatch.StartNew();
            var response = await client.SubmitFormAsync(page, "/account/sign-in", new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = "not the right password at all",
            });
            watch.Stop();
            var answer = await AccountTestData.ExpectPageAsync(response);
            return (string.Join(" | ", answer.ErrorSummary()), watch.Elapsed);
        });

        AssertSameWordsAndTime(answers, expectedWords: "Enter a correct email address and password");
    }

    [Fact]
    public async Task Create_account_answers_the_same_for_known_unknown_locked_and_unconfirmed_addresses()
    {
        var agencyId = await site.AgencyIdAsync();
        var answers = await AskEachAsync(async (client, email) =>
        {
            var page = await client.GetDocumentAsync("/account/create");
            var watch = Stopwatch.StartNew();
            var response = await client.SubmitFormAsync(page, "/account/create", AccountTestData.NewAccountFields(email, TestUsers.Password, agencyId));
            watch.Stop();
            return (Describe(response), watch.Elapsed);
        });

        AssertSameWordsAndTime(answers, expectedWords: "302 /account/check-your-email?about=new-account");
    }

    [Theory]
    [InlineData("/account/forgotten-password", "302 /account/check-your-email?about=password-reset")]
    [InlineData("/account/resend-confirmation", "302 /account/check-your-email?about=new-account")]
    public async Task Email_forms_answer_the_same_for_known_unknown_locked_and_unconfirmed_addresses(string path, string expected)
    {
        var answers = await AskEachAsync(async (client, email) =>
        {
            var page = await client.GetDocumentAsync(path);
            var watch = Stopwatch.StartNew();
            var response = await client.SubmitFormAsync(page, path, new Dictionary<string, string> { ["Input.Email"] = email });
            watch.Stop();
            return (Describe(response), watch.Elapsed);
        });

        AssertSameWordsAndTime(answers, expected);
    }

    [Fact]
    public async Task Change_email_answers_the_same_for_known_unknown_locked_and_unconfirmed_addresses()
    {
        using var signedIn = await site.SignedInClientAsync("mover");

        var answers = await AskEachAsync(async (_, email) =>
        {
            var page = await signedIn.GetDocumentAsync("/account/change-email");
            var watch = Stopwatch.StartNew();
            var response = await signedIn.SubmitFormAsync(page, "/account/change-email", new Dictionary<string, string>
            {
                ["Input.NewEmail"] = email,
                ["Input.Password"] = TestUsers.Password,
            });
            watch.Stop();
            return (Describe(response), watch.Elapsed);
        });

        AssertSameWordsAndTime(answers, "302 /account/check-your-email?about=email-change");
    }

    private static string Describe(HttpResponseMessage response) => $"{(int)response.StatusCode} {response.Headers.Location?.OriginalString}";

    /// <summary>Asks about each kind of account <see cref="Tries"/> times, interleaved so that a busy moment hits every kind alike.</summary>
    private async Task<Dictionary<Kind, List<(string Words, TimeSpan Time)>>> AskEachAsync(Func<PortalClient, string, Task<(string, TimeSpan)>> ask)
    {
        var addresses = new Dictionary<Kind, string>
        {
            [Kind.Known] = (await site.CreateUserAsync(TestUsers.UniqueEmail("known"))).Email!,
            [Kind.Locked] = (await site.CreateUserAsync(TestUsers.UniqueEmail("locked"))).Email!,
            [Kind.Unconfirmed] = (await site.CreateUserAsync(TestUsers.UniqueEmail("unconfirmed"))).Email!,
        };
        await site.WithDbAsync(async db =>
        {
            var locked = addresses[Kind.Locked];
            await db.Users.Where(u => u.Email == locked).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddHours(1)));
            var unconfirmed = addresses[Kind.Unconfirmed];
            await db.Users.Where(u => u.Email == unconfirmed).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, false));
        });

        var answers = Enum.GetValues<Kind>().ToDictionary(k => k, _ => new List<(string, TimeSpan)>());
        using var client = site.CreatePortalClient();
        // One untimed round first, so that the first-request costs (compiling pages, opening connections) are not counted.
        foreach (var kind in Enum.GetValues<Kind>())
        {
            await ask(client, addresses.GetValueOrDefault(kind) ?? TestUsers.UniqueEmail("unknown"));
        }

        for (var i = 0; i < Tries; i++)
        {
            foreach (var kind in Enum.GetValues<Kind>())
            {
                answers[kind].Add(await ask(client, addresses.GetValueOrDefault(kind) ?? TestUsers.UniqueEmail("unknown")));
            }
        }

        return answers;
    }

    private static void AssertSameWordsAndTime(Dictionary<Kind, List<(string Words, TimeSpan Time)>> answers, string expectedWords)
    {
        foreach (var (kind, list) in answers)
        {
            Assert.All(list, a => Assert.True(a.Words == expectedWords, $"{kind}: answered '{a.Words}', expected '{expectedWords}'"));
        }

        var medians = answers.ToDictionary(a => a.Key, a => Median(a.Value.Select(v => v.Time.TotalMilliseconds)));
        var fastest = medians.Values.Min();
        var slowest = medians.Values.Max();
        // Generous: twice the fastest plus 100 ms. What it catches is a path that skips the expensive work (hundreds of ms).
        Assert.True(slowest <= (fastest * 2) + 100,
            "Answer times tell the kinds of account apart (median ms): " + string.Join(", ", medians.Select(m => $"{m.Key} {m.Value:0}")));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
