using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using HanZhao.Recruit.Data.Applications;
using HanZhao.Recruit.Data.Identity;
using HanZhao.Recruit.Data.Intakes;
using HanZhao.Recruit.Tests.PublicSite;
using HanZhao.Recruit.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HanZhao.Recruit.Tests.Review;

/// <summary>Its own database, so the counts on the pages are exactly what the test made.</summary>
public sealed class CountGrammarAppFactory : RecruitAppFactory;

public partial class CountGrammarTests(CountGrammarAppFactory app) : IClassFixture<CountGrammarAppFactory>
{
    private static readonly string WebProject = Path.Combine(RepositoryPaths.Root, "src", "HanZhao.Recruit.Web");

    [Theory]
    [InlineData(0, "0 applications")]
    [InlineData(1, "1 application")]
    [InlineData(2, "2 applications")]
    [InlineData(1200, "1,200 applications")]
    public void One_is_singular_every_other_count_plural(int count, string expected)
    {
        var english = Localizer("en");
        Assert.Equal(expected, english.Count(count, "{0} application", "{0} applications"));
    }

    [Fact]
    public void Chinese_has_one_form_for_every_count()
    {
        var chinese = Localizer("zh-CN");
        Assert.Equal("1 份申请", chinese.Count(1, "{0} application", "{0} applications"));
        Assert.Equal("2 份申请", chinese.Count(2, "{0} application", "{0} applications"));
    }

    [Fact]
    public void Every_count_phrase_in_the_code_has_both_forms_translated()
    {
        var translated = XDocument.Load(Path.Combine(WebProject, "Platform", "Localization", "SharedResource.zh-CN.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        var calls = Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.Contains("/obj/", StringComparison.Ordinal))
            .SelectMany(f => CountCall().Matches(File.ReadAllText(f)))
            .ToList();

        Assert.True(calls.Count >= 10, $"found only {calls.Count} count phrases: is the pattern still right?");
        var missing = calls.SelectMany(c => new[] { c.Groups["one"].Value, c.Groups["other"].Value }).Where(k => !translated.Contains(k)).Distinct().ToList();
        Assert.True(missing.Count == 0, "Count phrases without a Chinese translation: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task The_dashboard_reviewers_and_bulk_pages_say_1_application_and_2_applications()
    {
        var professor = await app.CreateClientSignedInAsync(Roles.Professor);
        var first = await CreateApplicationAsync("Count Solo");
        await app.CreateUserAsync(Roles.Reviewer);

        var dashboard = await professor.GetTextAsync("/review?q=Count+Solo");
        var reviewers = await professor.GetTextAsync("/review/reviewers");
        var bulk = await professor.GetTextAsync($"/review/bulk?ids={first}&status=UnderReview");
        Assert.Contains("(1 application found)", dashboard, StringComparison.Ordinal);
        Assert.Contains("1 co-reviewer", reviewers, StringComparison.Ordinal);
        Assert.Contains("1 application selected.", bulk, StringComparison.Ordinal);
        Assert.Contains("1 application will change.", bulk, StringComparison.Ordinal);
        Assert.Contains("Change 1 application", bulk, StringComparison.Ordinal);
        Assert.All(new[] { dashboard, reviewers, bulk }, page => Assert.DoesNotMatch(OneWithPlural(), page));

        var second = await CreateApplicationAsync("Count Solo Two");
        await app.CreateUserAsync(Roles.Reviewer);
        Assert.Contains("(2 applications found)", await professor.GetTextAsync("/review?q=Count+Solo"), StringComparison.Ordinal);
        Assert.Contains("2 co-reviewers", await professor.GetTextAsync("/review/reviewers"), StringComparison.Ordinal);
        var both = await professor.GetTextAsync($"/review/bulk?ids={first},{second}&status=UnderReview");
        Assert.Contains("2 applications selected.", both, StringComparison.Ordinal);
        Assert.Contains("Change 2 applications", both, StringComparison.Ordinal);
        Assert.Contains("已选择 2 份申请。", await professor.GetTextAsync($"/review/bulk?ids={first},{second}&status=UnderReview&culture=zh-CN"), StringComparison.Ordinal);
    }

    private IStringLocalizer Localizer(string culture)
    {
        var factory = (IStringLocalizerFactory)app.Services.GetService(typeof(IStringLocalizerFactory))!;
        var localizer = factory.Create(typeof(SharedResource));
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture == "zh-CN" ? "zh-CN" : "en-US");
        return localizer;
    }

    private async Task<int> CreateApplicationAsync(string name)
    {
        var applicant = await app.CreateUserAsync(Roles.Applicant);
        await using var db = app.CreateDbContext();
        var intake = await db.Intakes.OrderBy(i => i.Code).FirstAsync();
        var at = app.Clock.GetUtcNow().UtcDateTime;
        var application = new Application
        {
            ApplicantId = applicant.Id, IntakeId = intake.Id, Program = StudyPrograms.PhD, Status = ApplicationStatus.Submitted, FullName = name,
            ReferenceNumber = "HZ-C-" + Guid.NewGuid().ToString("N")[..12], CreatedAtUtc = at, UpdatedAtUtc = at, SubmittedAtUtc = at,
        };
        application.StatusHistory.Add(new ApplicationStatusChange { From = ApplicationStatus.Draft, To = ApplicationStatus.Submitted, ChangedAtUtc = at });
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application.Id;
    }

    [GeneratedRegex("""\.Count\([^,"]+,\s*"(?<one>[^"]+)",\s*"(?<other>[^"]+)"\)""")]
    private static partial Regex CountCall();

    [GeneratedRegex(@"(?<![\d,.])1 (applications|co-reviewers|reviewers|emails|days)\b")]
    private static partial Regex OneWithPlural();
}
