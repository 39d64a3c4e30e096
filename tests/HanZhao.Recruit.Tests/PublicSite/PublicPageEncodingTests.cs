using System.IO.Compression;
using System.Net;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Web.Platform.Caching;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.PublicSite;

/// <summary>
/// Public pages over the wire (issue 17): compressed once into the output cache, with ETag, 304,
/// Vary and Cache-Control; pages with secrets never compressed (BREACH). Edits the database and
/// counts compressions, so it has an app of its own.
/// </summary>
public sealed class PublicPageEncodingTests(RecruitAppFactory app) : IClassFixture<RecruitAppFactory>
{
    /// <summary>Every page the public output-cache policy covers; {publication}: a publication's slug.</summary>
    [Theory]
    [InlineData("/")]
    [InlineData("/publications")]
    [InlineData("/publications/{publication}")]
    [InlineData("/join")]
    [InlineData("/people")]
    [InlineData("/news")]
    [InlineData("/news.atom")]
    [InlineData("/sitemap.xml")]
    [InlineData("/publications.bib")]
    [InlineData("/publications/{publication}.bib")]
    public async Task Each_public_page_in_br_and_gzip_decodes_to_the_identity_bytes(string page)
    {
        var path = await ResolveAsync(page);
        using var client = app.CreateHttpsClient();
        using var identity = await SendAsync(client, HttpMethod.Get, path, null);
        using var brotli = await SendAsync(client, HttpMethod.Get, path, "br, gzip");
        using var gzip = await SendAsync(client, HttpMethod.Get, path, "gzip");

        Assert.Equal(HttpStatusCode.OK, identity.StatusCode);
        Assert.Empty(identity.Content.Headers.ContentEncoding);
        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        var plain = await identity.Content.ReadAsByteArrayAsync();
        var brotliBytes = await brotli.Content.ReadAsByteArrayAsync();
        Assert.Equal(plain, Decode(brotliBytes, "br"));
        Assert.Equal(plain, Decode(await gzip.Content.ReadAsByteArrayAsync(), "gzip"));
        Assert.True(brotliBytes.Length < plain.Length, $"{path}: {brotliBytes.Length} bytes compressed, {plain.Length} plain");

        foreach (var response in new[] { identity, brotli, gzip })
        {
            Assert.Equal(["Accept-Encoding", "Accept-Language", "Cookie"], response.Headers.Vary);
            Assert.NotNull(response.Headers.CacheControl);
            Assert.Equal(response.Content.Headers.ContentLength, (await response.Content.ReadAsByteArrayAsync()).Length);
        }

        // One validator per representation.
        Assert.Equal(3, new[] { identity, brotli, gzip }.Select(r => r.Headers.ETag?.Tag).Distinct().Count(t => t is not null));
        // Browsers may keep it but revalidate (the sitemap keeps its own hour for crawlers).
        Assert.True(brotli.Headers.CacheControl is { NoCache: true } or { MaxAge: not null }, $"{path}: {brotli.Headers.CacheControl}");
    }

    [Theory]
    [InlineData(null, "identity")]
    [InlineData("", "identity")]
    [InlineData("identity", "identity")]
    [InlineData("br", "br")]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip;q=1, br;q=0.5", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("br;q=0, gzip;q=0", "identity")]
    [InlineData("identity;q=1, br;q=0.5", "identity")]
    [InlineData("*", "br")]
    [InlineData("*;q=0.5, gzip;q=0.8", "gzip")]
    [InlineData("deflate", "identity")]
    [InlineData("GZIP", "gzip")]
    [InlineData("br;q=nonsense, gzip;q=0.1", "gzip")]
    public void Accept_Encoding_chooses_the_coding_by_q_value(string? acceptEncoding, string expected)
    {
        var context = new DefaultHttpContext();
        if (acceptEncoding is not null)
        {
            context.Request.Headers.AcceptEncoding = acceptEncoding;
        }

        Assert.Equal(expected, ContentCodings.Negotiate(context.Request));
    }

    [Fact]
    public async Task A_page_is_compressed_once_and_served_compressed_from_the_cache()
    {
        var compressions = app.Services.GetRequiredService<PublicPageCompressions>();
        using var client = app.CreateHttpsClient();
        // A query string no other test asks for: a fresh cache entry.
        const string path = "/publications?year=2023&encoding-test=once";
        var before = compressions.Brotli;

        using var first = await SendAsync(client, HttpMethod.Get, path, "br");
        using var second = await SendAsync(client, HttpMethod.Get, path, "br");

        Assert.Equal(before + 1, compressions.Brotli);
        Assert.Equal(["br"], second.Content.Headers.ContentEncoding);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task If_None_Match_gets_304_until_an_edit_evicts_the_page()
    {
        using var client = app.CreateHttpsClient();
        using var first = await SendAsync(client, HttpMethod.Get, "/publications", "br");
        var etag = first.Headers.ETag!.Tag;

        using var again = await SendAsync(client, HttpMethod.Get, "/publications", "br", etag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, again.Headers.ETag?.Tag);
        Assert.Contains("Accept-Encoding", again.Headers.Vary);

        // The identity representation's validator does not match the Brotli one.
        using var plain = await SendAsync(client, HttpMethod.Get, "/publications", null, etag);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);

        await using (var db = app.CreateDbContext())
        {
            var publication = await db.Publications.OrderBy(p => p.Id).FirstAsync();
            await db.Publications.Where(p => p.Id == publication.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Title, "Renamed For The ETag"));
        }

        await app.Services.GetRequiredService<IOutputCacheStore>().EvictPublicPagesAsync();

        using var edited = await SendAsync(client, HttpMethod.Get, "/publications", "br", etag);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.NotEqual(etag, edited.Headers.ETag?.Tag);
        Assert.Contains("Renamed For The ETag", System.Text.Encoding.UTF8.GetString(Decode(await edited.Content.ReadAsByteArrayAsync(), "br")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HEAD_answers_with_the_compressed_page_s_headers()
    {
        using var client = app.CreateHttpsClient();
        using var get = await SendAsync(client, HttpMethod.Get, "/join", "br");
        using var head = await SendAsync(client, HttpMethod.Head, "/join", "br");

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(["br"], head.Content.Headers.ContentEncoding);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Contains("Accept-Encoding", head.Headers.Vary);
    }

    [Fact]
    public async Task Chinese_and_English_pages_have_different_ETags()
    {
        using var english = app.CreateHttpsClient();
        using var chinese = app.CreateHttpsClient();
        chinese.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        using var en = await SendAsync(english, HttpMethod.Get, "/", "br");
        using var zh = await SendAsync(chinese, HttpMethod.Get, "/", "br");

        Assert.Contains("lang=\"zh-CN\"", System.Text.Encoding.UTF8.GetString(Decode(await zh.Content.ReadAsByteArrayAsync(), "br")), StringComparison.Ordinal);
        Assert.NotEqual(en.Headers.ETag, zh.Headers.ETag);
    }

    [Fact]
    public async Task The_theme_cookie_gives_its_own_representation()
    {
        using var system = app.CreateHttpsClient();
        using var dark = app.CreateHttpsClient();
        dark.DefaultRequestHeaders.Add("Cookie", $"{ThemeCookie.Name}={ThemeCookie.Dark}");

        using var plain = await SendAsync(system, HttpMethod.Get, "/news", "br");
        using var themed = await SendAsync(dark, HttpMethod.Get, "/news", "br");

        Assert.Contains("data-theme=\"dark\"", System.Text.Encoding.UTF8.GetString(Decode(await themed.Content.ReadAsByteArrayAsync(), "br")), StringComparison.Ordinal);
        Assert.NotEqual(plain.Headers.ETag, themed.Headers.ETag);
        Assert.Contains("Cookie", themed.Headers.Vary);
    }

    /// <summary>Forms with antiforgery tokens, sign-in pages and the private areas, asked anonymously.</summary>
    [Theory]
    [InlineData("/account/signin")]
    [InlineData("/apply/signin")]
    [InlineData("/contact")]
    [InlineData("/apply")]
    [InlineData("/applicant")]
    [InlineData("/review")]
    public async Task Pages_with_secrets_or_forms_are_never_compressed(string path)
    {
        using var client = app.CreateHttpsClient();
        using var response = await SendAsync(client, HttpMethod.Get, path, "br, gzip");
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    /// <summary>?culture= remembers the choice in a cookie: that response is neither stored nor compressed.</summary>
    [Fact]
    public async Task A_public_page_that_sets_a_cookie_is_not_compressed()
    {
        using var client = app.CreateHttpsClient();
        using var response = await SendAsync(client, HttpMethod.Get, "/join?culture=zh-CN", "br, gzip");

        Assert.True(response.Headers.Contains("Set-Cookie"));
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    /// <summary>Signed in, every page carries the sign-out form's antiforgery token: even public pages stay plain.</summary>
    [Theory]
    [InlineData(Roles.Professor, "/review")]
    [InlineData(Roles.Professor, "/account/2fa")]
    [InlineData(Roles.Professor, "/")]
    [InlineData(Roles.Professor, "/publications")]
    [InlineData(Roles.Reviewer, "/review")]
    [InlineData(Roles.Applicant, "/applicant")]
    [InlineData(Roles.Applicant, "/apply")]
    [InlineData(Roles.Applicant, "/join")]
    public async Task Signed_in_pages_are_never_compressed(string role, string path)
    {
        using var client = await app.CreateClientSignedInAsync(role);
        using var response = await SendAsync(client, HttpMethod.Get, path, "br, gzip");
        Assert.True((int)response.StatusCode < 500, $"{path}: {response.StatusCode}");
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string? acceptEncoding, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static byte[] Decode(byte[] body, string coding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = coding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    private async Task<string> ResolveAsync(string page)
    {
        await using var db = app.CreateDbContext();
        var publication = await db.Publications.OrderBy(p => p.Id).FirstAsync();
        return page.Replace("{publication}", publication.Slug, StringComparison.Ordinal);
    }
}
