using System.Globalization;
using System.Text.RegularExpressions;

namespace HanZhao.Recruit.EndToEnd;

/// <summary>The staff pages in the staff layout, on the demo data: accessible in both languages, both widths and both themes; never sideways; the list and its toolbar.</summary>
public partial class WorkbenchListTests(DemoApp app, BrowserFixture browser) : IClassFixture<DemoApp>, IClassFixture<BrowserFixture>
{
    /// <summary>
    /// Every staff page (the bulk and email pages with three applications of the list). The reader
    /// (/review/applications/{id}) is being rebuilt on its own branch (h-reader), which checks it.
    /// </summary>
    private static readonly string[] StaffPages =
    [
        "/review", "/review?program=PhD&sort=rank", "/review?q=%E7%8E%8B%E4%BC%9F", "/review/bulk?ids={ids}&status=Rejected", "/review/toolbar/email?ids={ids}",
        "/review/applications/{first}/status?to=Rejected", "/review/templates", "/review/reviewers", "/review/emails", "/review/audit",
        "/review/settings/intakes", "/review/settings/content", "/account/2fa",
    ];

    private async Task<IPage> SignInAsync(int width, ColorScheme scheme = ColorScheme.Light)
    {
        var page = await browser.NewPageAsync(app.ServerAddress, width, colorScheme: scheme);
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("Email address").FillAsync(DemoApp.ProfessorEmail);
        await page.GetByLabel("Password").FillAsync(DemoApp.ProfessorPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/signin", StringComparison.Ordinal));
        return page;
    }

    private static async Task<IReadOnlyList<string>> PagesAsync(IPage page)
    {
        await page.GotoAsync("/review");
        var ids = new List<string>();
        foreach (var row in await page.Locator("tr[data-application]").AllAsync())
        {
            ids.Add((await row.GetAttributeAsync("data-application"))!);
        }

        Assert.True(ids.Count >= 3, "The demo list has applications.");
        return [.. StaffPages.Select(p => p.Replace("{ids}", string.Join(',', ids.Take(3)), StringComparison.Ordinal).Replace("{first}", ids[0], StringComparison.Ordinal))];
    }

    [Theory]
    [InlineData("en", 1280, ColorScheme.Light)]
    [InlineData("zh-CN", 1280, ColorScheme.Light)]
    [InlineData("en", 1280, ColorScheme.Dark)]
    [InlineData("zh-CN", 1280, ColorScheme.Dark)]
    [InlineData("en", 360, ColorScheme.Light)]
    [InlineData("zh-CN", 360, ColorScheme.Light)]
    [InlineData("en", 360, ColorScheme.Dark)]
    [InlineData("zh-CN", 360, ColorScheme.Dark)]
    public async Task Every_staff_page_passes_axe(string culture, int width, ColorScheme scheme)
    {
        var page = await SignInAsync(width, scheme);
        var failures = new List<string>();
        foreach (var path in await PagesAsync(page))
        {
            await page.GotoAsync(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=" + culture);
            var violations = await page.AccessibilityViolationsAsync();
            failures.AddRange(violations.Select(v => $"{path}: {v}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(1024)]
    public async Task No_staff_page_scrolls_sideways(int width)
    {
        var page = await SignInAsync(width);
        var wide = new List<string>();
        foreach (var path in await PagesAsync(page))
        {
            await page.GotoAsync(path);
            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (!await page.FitsViewportWidthAsync())
            {
                wide.Add($"{path}: {scrollWidth} px");
            }
        }

        Assert.True(wide.Count == 0, string.Join("\n", wide));
    }

    [Fact]
    public async Task The_list_starts_high_and_the_toolbar_counts_the_ticked_rows_then_opens_the_bulk_change()
    {
        var page = await SignInAsync(1280);
        await page.GotoAsync("/review");

        // The first application row sits high on the page (it was ~1,150 px down in the public layout).
        var firstRowTop = await page.EvaluateAsync<double>("() => document.querySelector('tr[data-application]').getBoundingClientRect().top + window.scrollY");
        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.TestOutput("screenshots"), "workbench-list-1280.txt"),
            string.Create(CultureInfo.InvariantCulture, $"first row top: {firstRowTop:0} px\n"));
        Assert.True(firstRowTop < 500, $"The first row is {firstRowTop} px down.");

        // With JavaScript, the actions appear once rows are ticked, with the count.
        Assert.False(await page.GetByRole(AriaRole.Button, new() { Name = "Change status…" }).IsVisibleAsync());
        var boxes = page.Locator("input[data-select-row]");
        for (var i = 0; i < 3; i++)
        {
            await boxes.Nth(i).CheckAsync();
        }

        Assert.Equal("3 selected", await page.Locator("[data-bulk-count]").InnerTextAsync());
        await page.ScreenshotAsync("workbench-list-1280");

        await page.Locator("#bulk-status").SelectOptionAsync("Rejected");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change status…" }).ClickAsync();
        await page.WaitForURLAsync(BulkAddress());
        Assert.Equal(2, await page.Locator("[data-email-preview]").CountAsync());
        await page.ScreenshotAsync("workbench-bulk-1280");
        Assert.True(await page.FitsViewportWidthAsync());

        // A saved view, through the page's own form (with its antiforgery token), comes back as a link.
        await page.GotoAsync("/review?program=PhD&scored=notme");
        await page.GetByText("Save this view").ClickAsync();
        await page.GetByLabel("Name of the view").FillAsync("PhD, not yet scored by me");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save view" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/review?program=PhD&scored=notme", StringComparison.Ordinal));
        Assert.Equal(1, await page.GetByRole(AriaRole.Link, new() { Name = "PhD, not yet scored by me" }).CountAsync());
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task A_short_search_says_under_the_search_box_what_it_looks_in(int width)
    {
        var page = await SignInAsync(width);

        foreach (var culture in new[] { "en", "zh-CN" })
        {
            await page.GotoAsync("/review?q=%E7%8E%8B%E4%BC%9F&culture=" + culture);
            var hint = page.Locator("#q-short");
            Assert.True(await hint.IsVisibleAsync());
            Assert.Equal("q-short", await page.Locator("#q").GetAttributeAsync("aria-describedby"));
            await page.ScreenshotAsync($"short-search-{culture}-{width}");
            Assert.True(await page.FitsViewportWidthAsync());
        }

        await page.GotoAsync("/review?q=%E7%8E%8B%E4%BC%9F%E6%98%8E");
        Assert.Equal(0, await page.Locator("#q-short").CountAsync());
    }

    [GeneratedRegex(@"/review/bulk\?ids=\d+,\d+,\d+&status=Rejected$")]
    private static partial Regex BulkAddress();
}
