using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Tests.PublicSite;
using HanZhao.Recruit.Web.Settings.Content.Photos;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace HanZhao.Recruit.Tests.Settings.Content.Photos;

/// <summary>The professor's photo: checked by its bytes, re-encoded, served under a fingerprinted address for a year.</summary>
public partial class PhotoUploadTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    private const string Page = "/review/settings/content/profile";
    private const string Upload = Page + "/photo";

    private async Task<(int? PhotoId, int Photos)> StateAsync()
    {
        await using var db = app.CreateDbContext();
        return ((await db.Profiles.SingleAsync()).PhotoId, await db.Photos.CountAsync());
    }

    /// <summary>The homepage's photo: its src and srcset addresses.</summary>
    private static IReadOnlyList<string> PhotoUrls(string html)
    {
        var img = ProfilePhoto().Match(html);
        Assert.True(img.Success, "no profile photo on the page");
        return [.. MediaUrl().Matches(img.Value).Select(m => m.Value).Distinct()];
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg, "portrait.jpg", "image/jpeg")]
    [InlineData(SKEncodedImageFormat.Png, "portrait.png", "image/png")]
    [InlineData(SKEncodedImageFormat.Webp, "portrait.webp", "image/webp")]
    public async Task Each_format_is_re_encoded_and_served_as_webp_at_three_widths_with_a_year_of_caching(SKEncodedImageFormat format, string name, string type)
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        using var visitor = app.CreateHttpsClient();
        await visitor.GetStringAsync("/"); // cached: only the eviction shows the photo
        var upload = TestImages.Make(format);

        using var response = await TestImages.UploadAsync(client, Page, Upload, upload, name, type);

        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        var home = await visitor.GetStringAsync("/");
        Assert.Contains("alt=\"Photo of Han Zhao\"", home, StringComparison.Ordinal);
        Assert.Contains("alt=\"赵涵的照片\"", await visitor.GetStringAsync("/?culture=zh-CN"), StringComparison.Ordinal);
        Assert.Matches(@"""image"":""https?://[^""]+/media/photos/[0-9a-f]{20}-640\.webp""", home); // the Person JSON-LD's image
        var urls = PhotoUrls(home);
        Assert.Equal(new[] { "-160.webp", "-320.webp", "-640.webp" }, urls.Select(u => u[^9..]).Order());
        foreach (var url in urls)
        {
            using var served = await visitor.GetAsync(url);
            await served.AssertStatusAsync(HttpStatusCode.OK);
            Assert.Equal("image/webp", served.Content.Headers.ContentType!.MediaType);
            Assert.Equal("public, max-age=31536000, immutable", served.Headers.CacheControl!.ToString());
            Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
            var bytes = await served.Content.ReadAsByteArrayAsync();
            Assert.NotEqual(upload, bytes);
            using var codec = SKCodec.Create(new MemoryStream(bytes));
            Assert.Equal(SKEncodedImageFormat.Webp, codec.EncodedFormat);
            Assert.Equal(int.Parse(url[^8..^5].TrimStart('-'), System.Globalization.CultureInfo.InvariantCulture), codec.Info.Width);
            Assert.Equal(codec.Info.Width * 3 / 4, codec.Info.Height); // the proportions kept
        }
    }

    [Fact]
    public async Task The_exif_of_an_upload_never_reaches_a_visitor()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        using var visitor = app.CreateHttpsClient();
        const string marker = "GPS-31.0252N-121.4337E-SECRET";

        using var response = await TestImages.UploadAsync(client, Page, Upload, TestImages.JpegWithExif(marker), "camera.jpg", "image/jpeg");

        await response.AssertStatusAsync(HttpStatusCode.Redirect);
        foreach (var url in PhotoUrls(await visitor.GetStringAsync("/")))
        {
            var text = Encoding.Latin1.GetString(await visitor.GetByteArrayAsync(url));
            Assert.DoesNotContain(marker, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Exif", text, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, byte[], string, string, string> BadUploads() => new()
    {
        { "text", "just some text, not a picture"u8.ToArray(), "notes.jpg", "image/jpeg", "The file is not a JPEG, PNG or WebP image." },
        { "svg", """<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"""u8.ToArray(), "face.svg", "image/svg+xml", "The file is not a JPEG, PNG or WebP image." },
        { "html named .png", "<!doctype html><script>alert(1)</script>"u8.ToArray(), "face.png", "image/png", "The file is not a JPEG, PNG or WebP image." },
        { "empty", [], "empty.jpg", "image/jpeg", "Choose a photo to upload." },
        { "truncated png", TestImages.Make(SKEncodedImageFormat.Png)[..2000], "cut.png", "image/png", "The image cannot be read: it may be damaged or incomplete." },
        { "truncated jpeg", TestImages.Make(SKEncodedImageFormat.Jpeg)[..3000], "cut.jpg", "image/jpeg", "The image cannot be read: it may be damaged or incomplete." },
        { "huge dimensions", TestImages.PngDeclaring(100_000, 100_000), "bomb.png", "image/png", "The image is too large: at most 8000 pixels a side." },
        { "png with html after it", [.. TestImages.Make(SKEncodedImageFormat.Png), .. "<html><script>alert(1)</script></html>"u8.ToArray()], "polyglot.png", "image/png", "The file holds something besides the image." },
        { "jpeg with a script inside", TestImages.JpegWithExif("<script>alert(1)</script>"), "polyglot.jpg", "image/jpeg", "The file holds something besides the image." },
        { "png signature only", TestImages.Make(SKEncodedImageFormat.Png)[..8], "x.webp", "image/webp", "The image cannot be read: it may be damaged or incomplete." },
        { "webp cut short", TestImages.Make(SKEncodedImageFormat.Webp)[..500], "cut.webp", "image/webp", "The image cannot be read: it may be damaged or incomplete." },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task A_bad_upload_gets_a_clear_message_and_changes_nothing(string kind, byte[] bytes, string name, string type, string message)
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var before = await StateAsync();

        using var response = await TestImages.UploadAsync(client, Page, Upload, bytes, name, type);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{kind}: {response.StatusCode}");
        Assert.Contains(message, PageText.Of(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task A_20_mb_upload_is_refused_before_it_is_read_and_changes_nothing()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        var before = await StateAsync();
        var big = new byte[20 * 1024 * 1024];
        TestImages.Make(SKEncodedImageFormat.Jpeg).CopyTo(big, 0);

        using var response = await TestImages.UploadAsync(client, Page, Upload, big, "big.jpg", "image/jpeg");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public void Over_5_mb_within_the_request_limit_is_refused_by_the_processor()
    {
        var (photo, refusal) = PhotoProcessor.Process([.. TestImages.Make(SKEncodedImageFormat.Png), .. new byte[PhotoProcessor.MaxBytes]]);

        Assert.Null(photo);
        Assert.Equal("The photo can be at most 5 MB.", refusal!.Message);
    }

    [Fact]
    public async Task Removing_the_photo_takes_it_off_the_homepage_and_its_addresses_answer_404()
    {
        using var client = await app.CreateClientSignedInAsync(Roles.Professor);
        using var visitor = app.CreateHttpsClient();
        using (var response = await TestImages.UploadAsync(client, Page, Upload, TestImages.Make(SKEncodedImageFormat.Png, 300, 300), "small.png", "image/png"))
        {
            await response.AssertStatusAsync(HttpStatusCode.Redirect);
        }

        var urls = PhotoUrls(await visitor.GetStringAsync("/"));
        Assert.Equal(new[] { "-160.webp", "-300.webp" }, urls.Select(u => u[^9..]).Order()); // never enlarged: no 640
        var audits = await AuditCountAsync();

        using var removed = await client.PostFormAsync(Page, Upload + "/delete", []);

        await removed.AssertStatusAsync(HttpStatusCode.Redirect);
        Assert.DoesNotContain("class=\"profile-photo\"", await visitor.GetStringAsync("/"), StringComparison.Ordinal);
        using var gone = await visitor.GetAsync(urls[0]);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal((null, 0), await StateAsync());
        Assert.Equal(audits + 1, await AuditCountAsync());
    }

    [Theory]
    [InlineData("/media/photos/0123456789abcdef0123-320.webp")]
    [InlineData("/media/photos/../../appsettings.json")]
    [InlineData("/media/photos/ZZZ-320.webp")]
    public async Task An_unknown_photo_address_is_not_found(string url)
    {
        using var visitor = app.CreateHttpsClient();

        using var response = await visitor.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<int> AuditCountAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEntries.CountAsync(e => e.Target == "Profile");
    }

    [GeneratedRegex("""<img class="profile-photo"[^>]*>""")]
    private static partial Regex ProfilePhoto();

    [GeneratedRegex(@"/media/photos/[0-9a-f]{20}-\d+\.webp")]
    private static partial Regex MediaUrl();
}
