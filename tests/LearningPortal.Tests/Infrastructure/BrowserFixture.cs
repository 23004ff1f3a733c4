using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace LearningPortal.Tests.Infrastructure;

/// <summary>
/// One headless Chromium (Debian's, at /usr/bin/chromium) shared by the end-to-end tests of a collection.
/// Playwright's own browser download does not work here; its driver ships in the NuGet package.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("LP_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
            ],
        });
    }

    /// <summary>A fresh browser context (own cookies) on the site.</summary>
    public async Task<IPage> NewPageAsync(PortalFactory site)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseAddress.ToString().TrimEnd('/'), Locale = "en-GB", TimezoneId = "Europe/London" });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A new page of the site, signed in as <paramref name="email"/> through the sign-in page.</summary>
    public async Task<IPage> SignedInPageAsync(PortalFactory site, string email)
    {
        var page = await NewPageAsync(site);
        await BrowserSignIn.SignInAsync(page, email);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";

    /// <summary>
    /// The "Kind" trait of every class in the collection: tests/run.sh runs these end-to-end tests on SQLite only, since
    /// what they add over the integration tests (which run on both databases) is the browser, not the database.
    /// </summary>
    public const string Trait = "Browser";
}

/// <summary>
/// The checks every end-to-end test runs on every page it visits: axe-core (WCAG 2.2 AA rules) and WCAG 2.2
/// 1.4.10 Reflow (no sideways scrolling of the page at 320 CSS pixels wide). <see cref="AssertNoAxeViolationsAsync"/>
/// runs both, so every existing call site checks reflow too.
/// </summary>
public static class Accessibility
{
    /// <summary>The width WCAG 1.4.10 asks content to reflow at (1280 px at 400% zoom).</summary>
    public const int ReflowWidth = 320;

    private static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    /// <summary>Runs axe-core and the 320 px reflow check on the page, failing with what each found.</summary>
    public static async Task AssertNoAxeViolationsAsync(this IPage page)
    {
        await page.AssertAxeOnlyAsync();
        await page.AssertReflowsAsync();
    }

    /// <summary>Runs axe-core on the page and fails with the violations listed if there are any.</summary>
    public static async Task AssertAxeOnlyAsync(this IPage page)
    {
        var result = await page.RunAxe(Options);
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}").ToList();
        Assert.True(violations.Count == 0, $"Accessibility violations on {page.Url}:\n" + string.Join("\n", violations));
    }

    /// <summary>
    /// WCAG 1.4.10: lays the page out 320 CSS pixels wide and fails if the page itself scrolls sideways, naming the
    /// elements that stick out (content inside its own scrolling region, such as a wide table in lp-table-scroll,
    /// is allowed). The viewport is put back afterwards.
    /// </summary>
    public static async Task AssertReflowsAsync(this IPage page)
    {
        var original = page.ViewportSize;
        await page.SetViewportSizeAsync(ReflowWidth, original?.Height ?? 720);
        try
        {
            var overflow = await page.EvaluateAsync<string[]>(ReflowScript);
            Assert.True(overflow.Length == 0, $"{page.Url} scrolls sideways at {ReflowWidth} px wide (WCAG 1.4.10 Reflow):\n" + string.Join("\n", overflow));
        }
        finally
        {
            if (original is not null)
            {
                await page.SetViewportSizeAsync(original.Width, original.Height);
            }
        }
    }

    // Wider than the viewport: the document, then the outermost elements that stick out and are not inside a box
    // that scrolls (or clips) them itself.
    private const string ReflowScript = """
        () => {
          const root = document.documentElement;
          const width = root.clientWidth;
          if (root.scrollWidth <= width + 1) return [];
          // Inside a box that scrolls or clips it, unless it is positioned out of that box (an absolutely positioned
          // element escapes an overflow box that is not its containing block, and widens the page).
          const clipped = el => {
            let outOfFlow = ['absolute', 'fixed'].includes(getComputedStyle(el).position);
            for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
              const style = getComputedStyle(p);
              const o = style.overflowX;
              const positioned = style.position !== 'static';
              if ((o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') && (!outOfFlow || positioned)) return true;
              if (outOfFlow && positioned) outOfFlow = style.position === 'absolute' || style.position === 'fixed';
            }
            return false;
          };
          const found = [];
          for (const el of document.body.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            // An element sticks out, or its text does (a long word wider than the element's box).
            const textOverflows = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible' && r.left + el.scrollWidth > width + 1;
            if (r.width === 0 || (r.right <= width + 1 && !textOverflows) || clipped(el)) continue;
            const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
            found.push({ el, text: `${name} reaches ${Math.round(Math.max(r.right, r.left + el.scrollWidth))} px` });
          }
          // The innermost elements that stick out are the ones to fix; their containers only carry the overflow.
          const leaves = found.filter(f => !found.some(g => g !== f && f.el.contains(g.el))).slice(0, 8);
          return [`page is ${root.scrollWidth} px wide`, ...leaves.map(f => f.text)];
        }
        """;
}
