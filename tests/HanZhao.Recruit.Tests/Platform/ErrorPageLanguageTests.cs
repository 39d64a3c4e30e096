using System.Net;
using HanZhao.Recruit.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Platform;

/// <summary>The throwing endpoint, a professor, and a staff sign-in limit low enough to reach 429.</summary>
public sealed class ErrorLanguageAppFactory : ThrowingAppFactory
{
    public const string ProfessorEmail = "han.zhao@recruit.test";

    public ErrorLanguageAppFactory()
    {
        Settings["Recruit:AdminEmail"] = ProfessorEmail;
        Settings["Recruit:AdminPassword"] = "correct lanterns over the huangpu";
        Settings["Recruit:StaffSignIn:ClientPermitLimit"] = "2";
    }
}

/// <summary>
/// Error pages are pages like any other: they speak the language the visitor asked for, by
/// <c>?culture=</c> on the request that failed or by the culture cookie, whichever way it failed.
/// </summary>
public sealed class ErrorPageLanguageTests(ErrorLanguageAppFactory app) : IClassFixture<ErrorLanguageAppFactory>
{
    /// <summary>What each status's page says in each language (the headline from ErrorViewModel).</summary>
    private static readonly Dictionary<(int Status, string Culture), string> Headlines = new()
    {
        [(403, "en")] = "You do not have access to this page",
        [(403, "zh-CN")] = "您无权访问此页面",
        [(404, "en")] = "Page not found",
        [(404, "zh-CN")] = "页面不存在",
        [(405, "en")] = "The request could not be completed",
        [(405, "zh-CN")] = "请求无法完成",
        [(429, "en")] = "Too many requests",
        [(429, "zh-CN")] = "请求过于频繁",
        [(500, "en")] = "Something went wrong on our side",
        [(500, "zh-CN")] = "服务器出现错误",
    };

    public static TheoryData<string, string, string> Failures()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var kind in new[] { "404", "405", "429", "500", "staff 404", "403" })
        {
            foreach (var culture in new[] { "en", "zh-CN" })
            {
                foreach (var how in new[] { "query", "cookie" })
                {
                    data.Add(kind, culture, how);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Every_error_page_is_in_the_language_the_visitor_asked_for(string kind, string culture, string how)
    {
        var other = culture == "en" ? "zh-CN" : "en";
        // Asked by the query, the cookie holds the other language: the query must win, as on any page.
        var visitor = new Visitor(CreateClient(), await SignInCookieAsync(kind), how == "cookie" ? culture : other);
        var query = how == "query" ? "?culture=" + culture : "";

        var (status, html) = await FailAsync(visitor, kind, query);

        Assert.Equal($"<html lang=\"{culture}\">", LangTag(html));
        Assert.Contains(Headlines[(status, culture)], html, StringComparison.Ordinal);
        Assert.DoesNotContain(Headlines[(status, other)], html, StringComparison.Ordinal);
    }

    private static async Task<(int Status, string Html)> FailAsync(Visitor visitor, string kind, string query)
    {
        switch (kind)
        {
            case "404":
                return await ReadAsync(await visitor.SendAsync(HttpMethod.Get, "/does-not-exist" + query), HttpStatusCode.NotFound);
            case "staff 404":
                return await ReadAsync(await visitor.SendAsync(HttpMethod.Get, "/review/applications/987654" + query), HttpStatusCode.NotFound);
            case "405":
                return await ReadAsync(await visitor.SendAsync(HttpMethod.Delete, "/join" + query), HttpStatusCode.MethodNotAllowed);
            case "500":
                return await ReadAsync(await visitor.SendAsync(HttpMethod.Get, ThrowingAppFactory.ThrowingPath + query), HttpStatusCode.InternalServerError);
            case "429":
                // The limit is 2 per client: within a few posts every further one is refused.
                for (var i = 0; i < 10; i++)
                {
                    var response = await visitor.SendAsync(HttpMethod.Post, "/account/signin" + query);
                    if (response.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        return await ReadAsync(response, HttpStatusCode.TooManyRequests);
                    }

                    response.Dispose();
                }

                throw new InvalidOperationException("The staff sign-in never answered 429.");
            default:
                // A reviewer opening a professor's page is sent to the access-denied page; the browser follows.
                using (var refused = await visitor.SendAsync(HttpMethod.Get, "/review/audit" + query))
                {
                    Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
                    return await ReadAsync(await visitor.SendAsync(HttpMethod.Get, refused.Headers.Location!.OriginalString), HttpStatusCode.Forbidden);
                }
        }
    }

    private HttpClient CreateClient() =>
        app.CreateClient(new() { BaseAddress = RecruitAppFactory.HttpsBaseAddress, AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>The sign-in cookie of the visitor the failure needs: a professor, a reviewer, or nobody.</summary>
    private async Task<string?> SignInCookieAsync(string kind)
    {
        if (kind is not ("staff 404" or "403"))
        {
            return null;
        }

        RecruitUser user;
        if (kind == "staff 404")
        {
            await using var db = app.CreateDbContext();
            user = await db.Users.SingleAsync(u => u.Email == ErrorLanguageAppFactory.ProfessorEmail);
        }
        else
        {
            user = await app.CreateUserAsync(Roles.Reviewer);
        }

        using var signedIn = await app.CreateClientSignedInAsAsync(user);
        return signedIn.DefaultRequestHeaders.GetValues("Cookie").Single();
    }

    private static async Task<(int, string)> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {html}");
            return ((int)expected, html);
        }
    }

    private static string LangTag(string html)
    {
        var start = html.IndexOf("<html lang=", StringComparison.Ordinal);
        return start < 0 ? "(no <html lang>)" : html[start..(html.IndexOf('>', start) + 1)];
    }

    /// <summary>A browser reduced to what matters here: its sign-in cookie and its culture cookie, which a response may change.</summary>
    private sealed class Visitor(HttpClient client, string? signInCookie, string culture)
    {
        private string _culture = culture;

        public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path)
        {
            using var request = new HttpRequestMessage(method, path);
            var cookie = $".AspNetCore.Culture=c%3D{_culture}%7Cuic%3D{_culture}";
            request.Headers.Add("Cookie", signInCookie is null ? cookie : signInCookie + "; " + cookie);
            if (method == HttpMethod.Post)
            {
                request.Content = new FormUrlEncodedContent([new("email", "x@recruit.test")]);
            }

            var response = await client.SendAsync(request);
            if (response.SetCookie(".AspNetCore.Culture") is { } remembered)
            {
                _culture = Uri.UnescapeDataString(remembered.Split(';')[0]).Split("uic=")[1];
            }

            return response;
        }
    }
}
