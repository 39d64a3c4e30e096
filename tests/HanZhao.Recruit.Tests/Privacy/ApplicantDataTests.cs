using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Tests.Applicant;
using HanZhao.Recruit.Tests.Apply;
using HanZhao.Recruit.Tests.Apply.SignIn;
using HanZhao.Recruit.Web.Privacy;
using Microsoft.EntityFrameworkCore;

namespace HanZhao.Recruit.Tests.Privacy;

public class ApplicantDataTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task The_export_holds_both_applications_and_their_documents_byte_identical_and_nothing_waived_private_or_of_others()
    {
        var professor = await app.CreateUserAsync(Roles.Professor);
        var me = await app.ApplicantWithEverythingAsync(professor);
        var other = await app.ApplicantWithEverythingAsync(professor, applications: 1);
        using var client = await app.SignedInClientAsync(me.Applicant);

        using var response = await client.PostFormAsync("/applicant/data", "/applicant/data/export", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var entries = zip.Entries.ToDictionary(e => e.FullName, Read);
        var json = System.Text.Encoding.UTF8.GetString(entries["data.json"]);
        foreach (var application in me.Applications)
        {
            Assert.Contains(application.ReferenceNumber!, json, StringComparison.Ordinal);
        }

        Assert.Contains(me.Name, json, StringComparison.Ordinal);
        Assert.Contains("\"StatusHistory\"", json, StringComparison.Ordinal);
        Assert.Contains("Your sign-in link", json, StringComparison.Ordinal);
        Assert.Contains("open-letter-text", json, StringComparison.Ordinal);
        // Every uploaded document, byte for byte (by SHA-256), and the letter the applicant did not waive.
        await using var db = app.CreateDbContext();
        var ids = me.Applications.Select(a => a.Id).ToList();
        var expected = await db.ApplicationDocuments.Where(d => ids.Contains(d.ApplicationId)).Select(d => d.Sha256).ToListAsync();
        var hashes = entries.Where(e => e.Key.StartsWith("documents/", StringComparison.Ordinal)).Select(e => Convert.ToHexStringLower(SHA256.HashData(e.Value))).ToList();
        Assert.Equal(4, expected.Count);
        Assert.All(expected, hash => Assert.Contains(hash, hashes));
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(me.OpenLetter)), hashes);
        Assert.DoesNotContain(Convert.ToHexStringLower(SHA256.HashData(me.WaivedLetter)), hashes);
        Assert.Equal(5, hashes.Count);
        var everything = string.Join('\n', entries.Values.Select(v => System.Text.Encoding.UTF8.GetString(v)));
        foreach (var secret in new[] { "waived-letter-text", "waived letter about", "Private note", "secret-score-comment", "secret-tag", "interview-notes", other.Name, other.Email, "Digest:" })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_second_export_the_same_day_is_refused_with_a_message_and_no_zip()
    {
        var me = await app.CreateApplicantAsync();
        await app.CreateApplicationAsync(me, Data.Applications.ApplicationStatus.Submitted);
        using var client = await app.SignedInClientAsync(me);
        using var first = await client.PostFormAsync("/applicant/data", "/applicant/data/export", []);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var second = await client.PostFormAsync("/applicant/data", "/applicant/data/export", []);

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("text/html", second.Content.Headers.ContentType?.MediaType);
        Assert.Contains("You have downloaded your data today already.", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_lists_what_is_held_in_both_languages()
    {
        var me = await app.CreateApplicantAsync();
        await app.CreateApplicationAsync(me, Data.Applications.ApplicationStatus.Submitted, documents: [(Data.Applications.DocumentKind.Cv, "cv.pdf", PortalTestAccounts.SmallPdf)]);
        using var client = await app.SignedInClientAsync(me);

        var english = await client.GetStringAsync("/applicant/data");
        var chinese = await client.GetStringAsync("/applicant/data?culture=zh-CN");

        Assert.Contains("1 application, with what you entered and its status history", english, StringComparison.Ordinal);
        Assert.Contains("1 document you uploaded", english, StringComparison.Ordinal);
        Assert.Contains(me.Email!, english, StringComparison.Ordinal);
        Assert.Contains("href=\"/applicant/data/erase\"", english, StringComparison.Ordinal);
        Assert.Contains("您的数据", chinese, StringComparison.Ordinal);
        Assert.Contains("下载我的数据", chinese, StringComparison.Ordinal);
        Assert.Contains("href=\"/applicant/data\"", await client.GetStringAsync("/applicant"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_typed_address_is_refused_and_nothing_changes()
    {
        var professor = await app.CreateUserAsync(Roles.Professor);
        var me = await app.ApplicantWithEverythingAsync(professor, applications: 1);
        using var client = await app.SignedInClientAsync(me.Applicant);

        foreach (var typed in new[] { "", "someone.else@example.com", new string('a', 5000), me.Email + "x" })
        {
            using var response = await client.PostFormAsync("/applicant/data/erase", "/applicant/data/erase", [new("Confirmation", typed)]);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("Type the email address you signed in with", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Contains(await app.RowsLeftAsync(me), row => row.Key == "Applications" && row.Value == 1);
    }

    [Fact]
    public async Task Erasing_on_request_withdraws_erases_signs_out_and_a_new_sign_in_makes_an_empty_account()
    {
        var professor = await app.CreateUserAsync(Roles.Professor);
        var me = await app.ApplicantWithEverythingAsync(professor);
        using var client = await app.SignedInClientAsync(me.Applicant);
        var token = await client.GetAntiforgeryTokenAsync("/applicant/data/erase");

        using var response = await client.PostFormAsync("/applicant/data/erase", [new("Confirmation", " " + me.Email.ToUpperInvariant() + " ")], token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/applicant/data/erased", response.Headers.Location?.OriginalString);
        Assert.All(await app.RowsLeftAsync(me), row => Assert.True(row.Value == 0, $"{row.Key} keeps {row.Value} rows"));
        var text = await app.DatabaseFileTextAsync();
        Assert.DoesNotContain(me.Name, text, StringComparison.Ordinal);
        Assert.DoesNotContain(me.Email, text, StringComparison.OrdinalIgnoreCase);
        using (var page = await client.GetAsync("/applicant"))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        }

        // The replayed confirmation (the same form and token, posted again): no 500, nothing more changes.
        await using (var db = app.CreateDbContext())
        {
            var audit = await db.AuditEntries.CountAsync();
            using var replay = await client.PostFormAsync("/applicant/data/erase", [new("Confirmation", me.Email)], token);
            Assert.True((int)replay.StatusCode < 500, $"replay answered {(int)replay.StatusCode}");
            Assert.Equal(audit, await db.AuditEntries.CountAsync());
        }

        using var again = await app.SignedInApplicantAsync(me.Email);
        var html = await again.GetStringAsync("/applicant");
        Assert.Contains("You have not started an application yet.", html, StringComparison.Ordinal);
        await using var after = app.CreateDbContext();
        var user = await after.Users.SingleAsync(u => u.Email == me.Email);
        Assert.NotEqual(me.Applicant.Id, user.Id);
    }

    [Fact]
    public async Task An_old_session_gets_a_fresh_sign_in_link_that_lands_on_the_confirmation_and_nothing_is_erased_yet()
    {
        var me = await app.CreateApplicantAsync();
        await app.CreateApplicationAsync(me, Data.Applications.ApplicationStatus.Submitted);
        using var client = await app.SignedInClientAsync(me);
        var token = await client.GetAntiforgeryTokenAsync("/applicant/data/erase");
        app.Clock.Advance(TimeSpan.FromMinutes(11));

        using var response = await client.PostFormAsync("/applicant/data/erase", [new("Confirmation", me.Email!)], token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("we sent a new sign-in link", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.True(await db.Applications.AnyAsync(a => a.ApplicantId == me.Id));
        var normalized = me.Email!.ToUpperInvariant();
        var link = await db.SignInLinks.OrderByDescending(l => l.Id).FirstAsync(l => l.NormalizedEmail == normalized);
        Assert.Equal(PersonalDataRequests.ErasePath, link.ReturnPath);
        // Signed in again through that link, the confirmation is no longer asking for one.
        using var confirm = await client.UseLinkAsync(await app.LatestLinkAsync(me.Email!));
        Assert.Equal(PersonalDataRequests.ErasePath, confirm.Headers.Location?.OriginalString);
        var page = await client.GetStringAsync(PersonalDataRequests.ErasePath);
        Assert.DoesNotContain("You signed in a while ago", page, StringComparison.Ordinal);
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
