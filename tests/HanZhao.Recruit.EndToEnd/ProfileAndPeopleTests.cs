using HanZhao.Recruit.Data.Content;
using HanZhao.Recruit.Web.Settings.Content.Photos;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace HanZhao.Recruit.EndToEnd;

/// <summary>The homepage with a photo and the profile links, and /people, as a visitor sees them (fictional people only).</summary>
public class ProfileAndPeopleTests(KestrelApp app, BrowserFixture browser) : IClassFixture<KestrelApp>, IClassFixture<BrowserFixture>
{
    private static readonly SemaphoreSlim Once = new(1, 1);

    public static TheoryData<string, string, int> Pages()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var path in new[] { "/", "/people" })
        {
            foreach (var culture in new[] { "en", "zh-CN" })
            {
                foreach (var width in new[] { 360, 1280 })
                {
                    data.Add(path, culture, width);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_photo_the_links_and_the_people_fit_the_screen_and_pass_axe(string path, string culture, int width)
    {
        await SeedAsync();
        var page = await browser.NewPageAsync(app.ServerAddress, width);

        var response = await page.GotoAsync($"{path}?culture={culture}");

        Assert.Equal(200, response?.Status);
        if (path == "/")
        {
            // The photo loaded (its renditions decode in the browser) and the script made the email a link.
            Assert.True(await page.Locator("img.profile-photo").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
            await Assertions.Expect(page.Locator(".profile-links a[href='mailto:demo.prof@example.org']")).ToBeVisibleAsync();
        }
        else
        {
            Assert.Equal(3, await page.Locator("main .person").CountAsync());
        }

        await page.ScreenshotAsync($"profile-{(path == "/" ? "home" : "people")}-{culture}-{width}");
        Assert.True(await page.FitsViewportWidthAsync(), $"{path} in {culture} scrolls sideways at {width} px");
        var violations = await page.AccessibilityViolationsAsync();
        Assert.True(violations.Count == 0, $"{path} {culture} {width}px:\n{string.Join("\n", violations)}");
    }

    /// <summary>A generated picture (no real person), links, and three fictional members, one an alumnus with a photo.</summary>
    private async Task SeedAsync()
    {
        _ = app.ServerAddress; // starts the app, which migrates the database
        await Once.WaitAsync();
        try
        {
            await using var db = app.CreateDbContext();
            if (await db.LabMembers.AnyAsync())
            {
                return;
            }

            var profile = await db.Profiles.SingleAsync();
            profile.Photo = Photo(SKColors.SteelBlue, 600, 750);
            profile.Email = "demo.prof@example.org";
            profile.GoogleScholarUrl = "https://scholar.google.com/citations?user=DEMO";
            profile.DblpUrl = "https://dblp.org/pid/00/0000.html";
            profile.Orcid = "0000-0002-1825-0097";
            profile.GitHubUrl = "https://github.com/demo-prof";
            profile.OtherLinks = "Lab wiki | https://wiki.example.org";
            profile.MapUrl = "https://map.example.org/?q=office";
            var now = app.Clock.GetUtcNow().UtcDateTime;
            db.LabMembers.AddRange(
                new LabMember { Name = "Demo Student A", ChineseName = "演示学生甲", Role = LabRole.PhdStudent, StartYear = 2023, Topic = new("GPU cluster scheduling", "GPU 集群调度"), Photo = Photo(SKColors.DarkOliveGreen, 400, 400), Url = "https://example.org/a", UpdatedAtUtc = now },
                new LabMember { Name = "Demo Student B", ChineseName = "演示学生乙", Role = LabRole.MasterStudent, StartYear = 2025, Topic = new("Serverless inference", "无服务器推理"), SortOrder = 1, UpdatedAtUtc = now },
                new LabMember { Name = "Demo Alumnus C", Role = LabRole.MasterStudent, StartYear = 2021, EndYear = 2024, Destination = new("Demo Company", "演示公司"), SortOrder = 2, UpdatedAtUtc = now });
            await db.SaveChangesAsync();
        }
        finally
        {
            Once.Release();
        }
    }

    private static Photo Photo(SKColor color, int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(color);
            using var paint = new SKPaint { Color = SKColors.White.WithAlpha(160), IsAntialias = true };
            canvas.DrawCircle(width / 2f, height * 0.38f, width * 0.2f, paint);
            canvas.DrawOval(width / 2f, height * 0.95f, width * 0.35f, height * 0.3f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        var (processed, _) = PhotoProcessor.Process(data.ToArray());
        return new Photo
        {
            Fingerprint = processed!.Fingerprint, Width = processed.Width, Height = processed.Height,
            Renditions = [.. processed.Renditions.Select(r => new PhotoRendition { Width = r.Width, Height = r.Height, Bytes = r.Bytes })],
        };
    }
}
