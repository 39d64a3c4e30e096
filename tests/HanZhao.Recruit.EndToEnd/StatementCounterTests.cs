using System.Globalization;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Data.Identity;

namespace HanZhao.Recruit.EndToEnd;

/// <summary>
/// The statement's live counter (wwwroot/js/site.js) and the server (Platform/Forms/TextLength.cs) count
/// alike: each CJK character one, other text by words. Text is typed into the browser, the counter read,
/// and the server's verdict taken from the same page: refused over 1,500, else saved and counted on the
/// review step.
/// </summary>
public partial class StatementCounterTests(KestrelApp app, BrowserFixture browser) : IClassFixture<KestrelApp>, IClassFixture<BrowserFixture>
{
    private static readonly string Han1499 = new('字', 1499);

    /// <summary>Chinese, mixed and boundary texts, and whether the server takes them.</summary>
    private static readonly (string Text, bool Accepted)[] Samples =
    [
        ("我用 PyTorch 写了3个模型。", true),
        ("Hello, 世界! I'm 李明 (リ・ミン), 한국어 ＡＢＣ。\tnew\u3000line 𠀀x 🙂 done", true),
        ("plain English words, counted one by one", true),
        (new string('中', 1500), true),
        (new string('中', 1501), false),
        (Han1499 + " PyTorch", true),
        (Han1499 + " Py Torch", false),
        (Han1499 + "。", true),
        (Han1499 + "。，", false),
    ];

    [Fact]
    public async Task The_live_counter_and_the_server_count_chinese_and_mixed_text_alike()
    {
        var page = await browser.NewPageAsync(app.ServerAddress, 360, 780);
        var (name, value) = await app.SignInCookieAsync(await app.CreateUserAsync(Roles.Applicant));
        await page.Context.AddCookiesAsync([new Cookie { Name = name, Value = value, Url = app.ServerAddress.ToString() }]);
        await page.GotoAsync("/apply?intake=2026.09&program=PhD");
        var id = Regex.Match(page.Url, @"/apply/(\d+)/").Groups[1].Value;

        foreach (var (text, accepted) in Samples)
        {
            await page.GotoAsync($"/apply/{id}/statement");
            var field = page.GetByLabel("Statement");
            await field.FillAsync(text[..^3]);
            // The end typed as a keyboard (an input method) inserts it.
            await field.FocusAsync();
            await page.Keyboard.PressAsync("End");
            await page.Keyboard.InsertTextAsync(text[^3..]);
            var counted = Number(await page.Locator("[data-word-count]").InnerTextAsync());

            await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();

            var error = await page.Locator("#e-Statement").InnerTextAsync();
            Assert.True(accepted == (counted <= 1500), $"the counter says {counted} for a text the server {(accepted ? "takes" : "refuses")}");
            if (accepted)
            {
                Assert.Equal(string.Empty, error);
                var review = await page.APIRequest.GetAsync($"/apply/{id}/review");
                var server = Number(StatementCount().Match(await review.TextAsync()).Value);
                Assert.Equal(server, counted);
            }
            else
            {
                Assert.Contains("at most 1,500 words", error, StringComparison.Ordinal);
            }
        }
    }

    private static int Number(string text) => int.Parse(Regex.Match(text, @"\d+").Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"<dt>Statement</dt><dd>\d+ words</dd>")]
    private static partial Regex StatementCount();
}
