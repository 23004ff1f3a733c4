namespace LearningPortal.Tests.Training;

/// <summary>
/// The training module end to end in Chromium, with axe on every page visited: a practitioner books and
/// gets the email with its invitation, cancels; the colleague waiting gets the place and an email; the
/// trainer marks the register; the certificate appears.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Kind", BrowserCollection.Trait)]
public class TrainingBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly TrainingSite site = new();

    public Task InitializeAsync() => site.InitializeAsync();

    public async Task DisposeAsync() => await site.DisposeAsync();

    [Fact]
    public async Task Practitioner_books_and_cancels_a_waiting_colleague_is_promoted_the_trainer_marks_the_register_and_the_certificate_appears()
    {
        var data = new TrainingData(site);
        var session = await data.SessionAsync(change: s => s.Capacity = 1);
        var practitionerEmail = TestUsers.UniqueEmail("priya");
        var colleagueEmail = TestUsers.UniqueEmail("colleague");
        var editorEmail = TestUsers.UniqueEmail("trainer");
        await site.CreateUserAsync(practitionerEmail);
        var colleague = await site.CreateUserAsync(colleagueEmail);
        await site.CreateUserAsync(editorEmail, TestUsers.Password, PortalRoles.Editor);

        // The practitioner finds the course and books through the journey.
        var page = await browser.NewPageAsync(site);
        await SignInAsync(page, practitionerEmail);
        await page.GotoAsync("/training");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = session.Course.Title }).ClickAsync();
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Book a place" }).ClickAsync();
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select a session");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel(SessionTimes.Describe(session), new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Confirm your details");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("Job role").FillAsync("Health visitor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Do you have any access or dietary needs?");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByLabel("Dietary needs (optional)").FillAsync("Vegetarian");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Check your answers before booking");
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Book a place" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Booking confirmed");
        await page.AssertNoAxeViolationsAsync();

        var confirmation = await site.Smtp.WaitForMessageAsync(m => To(m, practitionerEmail) && m.Subject!.StartsWith("Booking confirmed", StringComparison.Ordinal));
        var invitation = Assert.Single(confirmation.Attachments.OfType<MimeKit.MimePart>(), a => a.ContentType.MimeType == "text/calendar");
        using (var ics = new MemoryStream())
        {
            await invitation.Content!.DecodeToAsync(ics);
            var text = System.Text.Encoding.UTF8.GetString(ics.ToArray());
            Assert.Contains("METHOD:REQUEST", text);
            Assert.Contains("DTSTART;TZID=Europe/London:", text);
        }

        // A colleague joins the waiting list.
        var waiting = await data.BookAsync(session, colleague);
        Assert.Equal(BookingOutcome.Waitlisted, waiting.Value!.Outcome);

        // The practitioner cancels from My training.
        await page.GetByRole(AriaRole.Link, new() { Name = "My training" }).First.ClickAsync();
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"View booking for {session.Course.Title}" }).ClickAsync();
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel this booking" }).ClickAsync();
        await page.AssertNoAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel booking" }).ClickAsync();
        await Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("has been cancelled");
        await page.AssertNoAxeViolationsAsync();

        // The colleague gets the place and is told.
        var promoted = await site.Smtp.WaitForMessageAsync(m => To(m, colleagueEmail) && m.Subject!.StartsWith("You have a place from the waiting list", StringComparison.Ordinal));
        Assert.Contains(promoted.Attachments, a => a.ContentType.MimeType == "text/calendar");

        // The day comes; the trainer marks the register.
        await data.MoveIntoPastAsync(session, TimeSpan.FromHours(4));
        var trainer = await browser.NewPageAsync(site);
        await SignInAsync(trainer, editorEmail);
        await trainer.GotoAsync("/manage/training");
        await trainer.AssertNoAxeViolationsAsync();
        await trainer.GotoAsync($"/manage/training/sessions/{session.Id}");
        await trainer.AssertNoAxeViolationsAsync();
        await trainer.GetByRole(AriaRole.Link, new() { Name = "Mark the register" }).ClickAsync();
        await trainer.AssertNoAxeViolationsAsync();
        await trainer.GetByRole(AriaRole.Group, new() { Name = colleague.DisplayName }).GetByLabel("Attended", new() { Exact = true }).CheckAsync();
        await trainer.GetByRole(AriaRole.Button, new() { Name = "Save register" }).ClickAsync();
        await Expect(trainer.Locator(".govuk-notification-banner")).ToContainTextAsync("Register saved");
        await trainer.AssertNoAxeViolationsAsync();

        // The colleague's certificate appears in My training.
        var colleaguePage = await browser.NewPageAsync(site);
        await SignInAsync(colleaguePage, colleagueEmail);
        await colleaguePage.GotoAsync("/training/my");
        await colleaguePage.AssertNoAxeViolationsAsync();
        await colleaguePage.GetByRole(AriaRole.Link, new() { Name = $"View certificate for {session.Course.Title}" }).ClickAsync();
        await Expect(colleaguePage.Locator("h1")).ToHaveTextAsync("Certificate of attendance");
        await Expect(colleaguePage.Locator("main")).ToContainTextAsync(colleague.DisplayName);
        await colleaguePage.AssertNoAxeViolationsAsync();
        await site.Smtp.WaitForMessageAsync(m => To(m, colleagueEmail) && m.Subject!.StartsWith("Thank you for attending", StringComparison.Ordinal));
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await BrowserSignIn.SignInAsync(page, email);
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
    }

    private static bool To(MimeKit.MimeMessage m, string address) =>
        m.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase));

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
