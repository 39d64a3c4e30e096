using System.IO.Compression;
using System.Net;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Tests.Apply;
using HanZhao.Recruit.Web.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HanZhao.Recruit.Tests.Privacy;

/// <summary>
/// The consent text is written from the retention settings, has a version, and each application keeps
/// the version (and the words) it agreed to: shown to the applicant, in the export, on the reader.
/// </summary>
public sealed class ConsentVersionTests(ApplicationFormApp app) : IClassFixture<ApplicationFormApp>
{
    [Fact]
    public async Task The_consent_version_shown_at_submit_is_stored_and_shown_to_the_applicant_in_the_export_and_on_the_reader()
    {
        var client = await app.SignedInApplicantAsync($"consent-{Guid.NewGuid():N}@example.com");
        var id = await client.FillCompleteApplicationAsync(app);
        var review = await client.GetStringAsync($"/apply/{id}/review");
        var shown = System.Text.RegularExpressions.Regex.Match(review, "data-consent-version=\"([0-9a-f]{12})\"").Groups[1].Value;
        Assert.NotEmpty(shown);
        Assert.DoesNotContain("two years", review, StringComparison.Ordinal);
        Assert.Contains("6 months after the intake&#x27;s enrollment date", review, StringComparison.Ordinal);

        using (var submitted = await client.SubmitAsync(id))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }

        var application = await ApplicationFormSteps.LoadAsync(app, id);
        Assert.Equal(shown, application.ConsentVersion);
        Assert.Contains("6 months after the intake's enrollment date", application.ConsentText, StringComparison.Ordinal);
        Assert.Contains($"data-consent-version=\"{shown}\"", await client.GetStringAsync("/applicant"), StringComparison.Ordinal);

        using (var export = await client.PostFormAsync("/applicant/data", "/applicant/data/export", []))
        {
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            using var zip = new ZipArchive(new MemoryStream(await export.Content.ReadAsByteArrayAsync()));
            using var reader = new StreamReader(zip.GetEntry("data.json")!.Open());
            Assert.Contains($"\"Version\": \"{shown}\"", await reader.ReadToEndAsync(), StringComparison.Ordinal);
        }

        var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        Assert.Contains($"data-consent-version=\"{shown}\"", await professor.GetStringAsync($"/review/applications/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_consent_text_and_its_version_change_with_the_settings_and_an_older_application_keeps_its_own()
    {
        var first = await app.SignedInApplicantAsync($"consent-{Guid.NewGuid():N}@example.com");
        var older = await first.FillCompleteApplicationAsync(app);
        using (var submitted = await first.SubmitAsync(older))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }

        var kept = (await ApplicationFormSteps.LoadAsync(app, older)).ConsentVersion;
        var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var months = kept == await VersionAsync(47) ? "46" : "47";
        using (var saved = await professor.PostFormAsync("/review/settings/retention", "/review/settings/retention", [new("months", months)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var second = await app.SignedInApplicantAsync($"consent-{Guid.NewGuid():N}@example.com");
        var newer = await second.FillCompleteApplicationAsync(app);
        var review = await second.GetStringAsync($"/apply/{newer}/review");

        Assert.Contains($"kept for {months} months after the enrollment date", review, StringComparison.Ordinal);
        Assert.Contains($"data-consent-version=\"{await VersionAsync(int.Parse(months, System.Globalization.CultureInfo.InvariantCulture))}\"", review, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-consent-version=\"{kept}\"", review, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal(kept, await db.Applications.Where(a => a.Id == older).Select(a => a.ConsentVersion).SingleAsync());
    }

    [Fact]
    public async Task The_consent_text_is_written_in_both_languages_from_the_same_numbers_and_one_version_covers_both()
    {
        using var scope = app.Services.CreateScope();
        var consent = scope.ServiceProvider.GetRequiredService<ConsentText>();
        var rules = new RetentionRules(6, 90, 36, 12, 90, 28);
        var date = new DateOnly(2027, 9, 1);

        var english = consent.Write(rules, date, "en");
        var chinese = consent.Write(rules, date, "zh-CN");
        var longer = consent.Write(rules with { NotAdmittedMonths = 7 }, date, "en");

        Assert.Equal(english.Version, chinese.Version);
        Assert.NotEqual(english.Version, longer.Version);
        Assert.Contains("erased 6 months after the intake's enrollment date (2027-09-01)", english.Text, StringComparison.Ordinal);
        Assert.Contains("28 days before", english.Text, StringComparison.Ordinal);
        Assert.Contains("2027-09-01", chinese.Text, StringComparison.Ordinal);
        Assert.Contains("6 个月", chinese.Text, StringComparison.Ordinal);
        Assert.Contains("90 天", chinese.Text, StringComparison.Ordinal);
    }

    private async Task<string> VersionAsync(int admittedMonths)
    {
        using var scope = app.Services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<RetentionOptions>>().Value;
        await using var db = app.CreateDbContext();
        var enrollment = await db.Intakes.Where(i => i.Code == "2026.09").Select(i => i.EnrollmentDate).SingleAsync();
        return scope.ServiceProvider.GetRequiredService<ConsentText>().Version(RetentionRules.From(options, admittedMonths), enrollment);
    }
}

/// <summary>A retention setting that would break the promise stops the app at start, naming the setting.</summary>
public sealed class RetentionConfigurationTests
{
    [Theory]
    [InlineData("NoticeDays", "0")]
    [InlineData("DraftDays", "10")]
    [InlineData("AdmittedMonths", "1000")]
    [InlineData("BatchSize", "-1")]
    public void An_invalid_retention_setting_stops_the_app_at_start_with_a_message_naming_it(string setting, string value)
    {
        using var app = new RecruitAppFactory();
        app.Settings["Jobs:Enabled"] = "false";
        app.Settings[$"Recruit:Retention:{setting}"] = value;

        var failure = Record.Exception(() => app.Services);

        Assert.NotNull(failure);
        var messages = string.Join(" | ", Flatten(failure));
        Assert.Contains($"Recruit:Retention:{setting} must be a whole number", messages, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Flatten(Exception? failure)
    {
        for (; failure is not null; failure = failure.InnerException)
        {
            yield return failure.Message;
        }
    }
}
