using System.Text.Json;

namespace HanZhao.Recruit.EndToEnd;

/// <summary>What a person checks on any page: the picture, the width, and accessibility.</summary>
public static class PageChecks
{
    private static readonly string AxeScript = Path.Combine(RepositoryPaths.Tests, "node_modules", "axe-core", "axe.min.js");

    /// <summary>Saves a full-page screenshot under TestResults/screenshots and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(this IPage page, string name)
    {
        var path = Path.Combine(RepositoryPaths.TestOutput("screenshots"), name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>True when the page is no wider than the viewport (no sideways scrolling on a phone).</summary>
    public static Task<bool> FitsViewportWidthAsync(this IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    /// <summary>Runs axe-core (from npm) for WCAG 2.1 A and AA; returns one line per violation.</summary>
    public static async Task<IReadOnlyList<string>> AccessibilityViolationsAsync(this IPage page)
    {
        if (!File.Exists(AxeScript))
        {
            throw new InvalidOperationException($"{AxeScript} missing. Run ./test.sh, which runs npm ci in tests/.");
        }

        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript });
        var json = await page.EvaluateAsync<JsonElement>("""
            async () => {
                const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
                return result.violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        return [.. json.EnumerateArray().Select(v => v.GetString()!)];
    }
}
